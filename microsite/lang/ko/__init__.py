"""Korean: the single home of what the site knows about Korean text — particles and
endings (``grammar``), stems and compounds as the archive's words show them
(``lexicon``), sentences (``sentences``), date expressions and how dates are written
(``dates``), and the interface's words (``words``). A language package for
another language offers the same names."""
from __future__ import annotations

from ..sentences import first_sentence, sentence_spans, sentences
from . import words
from .attribution import attributed, carries
from .dates import Context, DateMention, find_dates, format_published, format_when
from .grammar import ENDINGS, STEM, name_tail, noun_before_particle, strip_endings
from .headline import headline

CODE = "ko"

__all__ = ["CODE", "Context", "DateMention", "ENDINGS", "attributed", "carries", "find_dates", "headline",
           "first_sentence", "format_published", "format_when", "name_tail", "noun_before_particle", "sentence_spans",
           "sentences", "STEM", "strip_endings", "words"]
