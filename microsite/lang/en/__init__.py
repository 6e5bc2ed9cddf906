"""English: sentences that do not end after abbreviations (``sentences``), date
expressions resolved against a report's date (``dates``) and chronology headlines
(``headline``) — the names a report's language
package offers. The site's interface is Korean only: an English report's labels (and a
site set to English) use the Korean interface words and date formats until English ones
exist."""
from __future__ import annotations

from ..ko import format_published, format_when, words
from .attribution import attributed, carries
from .dates import Context, DateMention, find_dates
from .headline import headline
from .sentences import first_sentence, sentence_spans, sentences

CODE = "en"

__all__ = ["CODE", "Context", "DateMention", "attributed", "carries", "find_dates", "headline", "first_sentence",
           "format_published", "format_when", "sentence_spans", "sentences", "words"]
