"""Where sentences end, in Korean, English and the other languages that close them the
same way: after ".", "!" or "?" and any closing quotes or brackets, before white space;
and at line breaks. Not inside a quotation that closes later on the line: "…크게 늘었다.
자연스럽게 누군가 공급할 것"이라면서 is one sentence, so the speaker stays with the words."""
from __future__ import annotations

import functools
import re

_BOUNDARY = re.compile(r"(?<=[.!?])(?P<close>[\"'”’)\]]*)\s+|\n")


@functools.lru_cache(maxsize=256)
def sentence_spans(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each sentence of *text* (asked again for every mention and date in a
    block, hence the cache)."""
    spans, start = [], 0
    for match in _BOUNDARY.finditer(text):
        end = match.start() + len(match.group("close") or "")
        if match.group(0) != "\n" and _inside_quotation(text, start, end):
            continue
        if end > start:
            spans.append((start, end))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return tuple(spans)


def _inside_quotation(text: str, start: int, end: int) -> bool:
    """Whether *end* falls inside a quotation opened in this sentence and closed later on
    the same line (a stray quote mark does not glue sentences together)."""
    before = text[start:end]
    line_end = text.find("\n", end)
    after = text[end:line_end if line_end >= 0 else len(text)]
    if before.count("“") > before.count("”"):
        return "”" in after
    return before.count('"') % 2 == 1 and '"' in after


def sentences(text: str, spans=sentence_spans) -> list[str]:
    """The sentences of *text*, as *spans* (a language's own splitter, or this one) cuts it."""
    return [text[start:end].strip() for start, end in spans(text)]


def first_sentence(text: str, limit: int, spans=sentence_spans) -> str:
    """The opening sentence, cut to *limit* characters with "…" when longer."""
    first = next(iter(sentences(text, spans)), "")
    return first if len(first) <= limit else first[: limit - 1].rstrip() + "…"
