"""Where English sentences end: where the shared splitter cuts (``lang.sentences``), except
after the abbreviations news copy is full of — a title before a name ("Mr. Smith"),
initials ("U.S. officials", "Jensen H. Huang"), a company's form ("Nvidia Corp. said",
"Co. Ltd."), a month or "No." before a number ("Jan. 13", "No. 2") — and before a word in
lower case, which no sentence starts with. A line break always ends a sentence."""
from __future__ import annotations

import functools
import re

from .. import sentences as shared

_ALWAYS = re.compile(r"(?:\b(?-i:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Adm|Cmdr|Maj|Rev|Hon|Pres|St|Mt|Ft"
                     r"|Corp|Inc|Ltd|Co|Cos|Bros|Plc|Dept|Univ|Assn)|(?<![\w.])(?:[A-Z]\.)+[A-Z]|(?<![\w.])[A-Z])\.$")
_BEFORE_NUMBER = re.compile(r"\b(?-i:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec|No|Nos|Vol|Art|Sec|Fig|pp|p)\.$")
_SHORT_WORD = re.compile(r"\b[A-Za-z]{1,5}\.$")  # an abbreviation, when a lower-case word follows


@functools.lru_cache(maxsize=256)
def sentence_spans(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each sentence of *text*, as ``lang.sentences.sentence_spans`` gives
    them but joined again where a cut fell after an abbreviation."""
    spans: list[tuple[int, int]] = []
    for start, end in shared.sentence_spans(text):
        if spans and _continues(text, spans[-1][1], start):
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return tuple(spans)


def _continues(text: str, end: int, start: int) -> bool:
    """Whether the sentence cut at *end* goes on at *start*."""
    if "\n" in text[end:start]:
        return False
    before, first = text[max(0, end - 12):end], text[start:start + 1]
    return bool(_ALWAYS.search(before) or first.isdigit() and _BEFORE_NUMBER.search(before)
                or first.islower() and _SHORT_WORD.search(before))


def sentences(text: str) -> list[str]:
    return shared.sentences(text, sentence_spans)


def first_sentence(text: str, limit: int) -> str:
    """The opening sentence, cut to *limit* characters with "…" when longer."""
    return shared.first_sentence(text, limit, sentence_spans)
