"""English: sentences that do not end after abbreviations (``sentences``)."""
from __future__ import annotations

from .sentences import first_sentence, sentence_spans, sentences

CODE = "en"

__all__ = ["CODE", "first_sentence", "sentence_spans", "sentences"]
