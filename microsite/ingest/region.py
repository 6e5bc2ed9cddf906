"""Where the article is in a capture's lines: each line weighs for or against being article
text, and the article is the run that weighs most (no single line inside it can end it),
mended at its edges: a lead paragraph above a box, a standfirst over the byline, a table
printed after it.
"""
from __future__ import annotations

import re

from . import furniture as F
from .facts import anchor, furniture_or_byline, opens_box, rights_line, sentence_like
from .markup import Line


def line_weight(line: Line) -> float:
    """How much a line looks like article text (positive) or page furniture (negative):
    sentences count by their length, so that a long article outweighs a box of links in its
    middle, and a trailer of short lines ends it."""
    text = line.text
    if line.boxed:
        return -1.5
    if line.figure:
        return 0.0
    if not text:
        return -0.1
    if line.cells:  # a table weighs little alone: a contact table atop a press release is not the article
        return -1.0 if F.KEY_VALUE.match(text) else 0.2
    if rights_line(text):
        return -8.0
    if opens_box(text):
        return -2.5
    if furniture_or_byline(text) or F.LISTING_ROW.match(text):
        return -1.0
    if sentence_like(text) and not (F.CREDIT.search(text) and len(text) < 200):
        return 1.0 + len(text) / 40
    listed = F.LIST_MARK.match(text)
    if listed and not F.DASHED_DECK.match(text) and listed.group("bullet") not in ("▶", "▷", "►"):
        return 0.5  # an arrow marks a list inside an article, and the links of a site's trailer: it weighs nothing
    return -0.5


def article_region(lines: list[Line], weights: list[float]) -> tuple[int, int]:
    """The span of lines that holds the article: the run whose weights add up to the most
    (no single line inside it can end it), stretched over a short gap to text just beyond."""
    best, start, end, running, run_start = 0.0, 0, 0, 0.0, 0
    for index, weight in enumerate(weights):
        if running <= 0:
            running, run_start = 0.0, index
        running += weight
        if running > best:
            best, start, end = running, run_start, index + 1
    while True:  # a lead paragraph above a box that cost more than it weighs is still the article's
        before = next((i for i in range(start - 1, max(start - 10, 0) - 1, -1) if weights[i] > 1), None)
        gap = range(before + 1, start) if before is not None else range(0)
        if before is None or any(weights[i] <= -2.5 or anchor(lines[i].text) for i in gap):
            break
        start = before
    rest = [weight for weight, line in zip(weights[end:], lines[end:], strict=True) if line.text]
    if len(rest) <= 2 and all(weight > -1 for weight in rest):  # the capture ends with the article
        end = len(lines)
    return start, past_appended_table(lines, end)


def past_appended_table(lines: list[Line], end: int) -> int:
    """A table printed just after the article (a report's or press release's appendix, under
    its label) is the article's: the region reaches to its last row."""
    near = [i for i in range(end, len(lines)) if lines[i].text and not lines[i].boxed][:6]
    first = next((i for i in near if lines[i].cells), None)
    if first is None:
        return end
    rows = [first]
    for index in range(first + 1, len(lines)):
        if lines[index].cells and not lines[index].boxed:
            rows.append(index)
        elif lines[index].text:
            break
    return rows[-1] + 1 if len(rows) >= 3 else end


def past_standfirst(lines: list[Line], weights: list[float], start: int, end: int) -> int:
    """Where the article starts when one sentence stands between the headline and the byline
    (a standfirst, printed once, not in the body's own voice): after the byline and stamps;
    the sentence is the deck. Not when a byline or stamp already stands above: then a stamp
    further down is an update inside the article."""
    near = range(start, min(start + 8, end))
    first = next((i for i in near if lines[i].text and anchor(lines[i].text)), None)
    if first is None or any(line.text and anchor(line.text) for line in lines[max(start - 6, 0):start]):
        return start
    text = [i for i in range(start, first) if lines[i].text and not lines[i].figure and weights[i] > 0]
    if (len(text) != 1 or re.search(r"다\.[\"”’)]*$", lines[text[0]].text)
            or repeated_in(lines[text[0]].text, "\n".join(line.text for line in lines[first:end]))):
        return start
    while first < end and (not lines[first].text or anchor(lines[first].text) or weights[first] <= 0):
        first += 1  # the byline, the stamps and whatever else is not text, up to the first paragraph
    return first


def weak_region(weights: list[float], start: int, end: int) -> bool:
    """Whether the article region barely stands out: it holds under three sentences, or the
    capture outside it weighs nearly as much as it does."""
    inside = weights[start:end]
    outside = sum(max(weight, 0) for weight in weights[:start] + weights[end:])
    return sum(weight > 1 for weight in inside) < 3 or outside > 0.5 * sum(max(w, 0) for w in inside)


def tail_lines(lines: list[Line]) -> list[Line]:
    """The lines just after the article that may say who wrote it: up to the first box of links."""
    out = []
    for line in lines[:8]:
        if opens_box(line.text) or F.PAGE_NUMBER.match(line.text):
            break
        out.append(line)
    return out


def repeated_in(sentence: str, text: str) -> bool:
    """Whether *text* repeats *sentence* whole: starting where a sentence starts."""
    start = text.find(sentence)
    while start >= 0:
        if start == 0 or text[start - 1] in "\n .!?\"”’)":
            return True
        start = text.find(sentence, start + 1)
    return False
