"""A plain-text capture → lines: a PDF's running headers, footers and page numbers left out
and its page breaks mended, table rows split into cells, hard-wrapped paragraphs joined,
and stamps glued to a headline set apart. (``markup.py`` does the same for HTML.)
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from . import furniture as F
from .audit import Ledger
from .facts import opens_box, sentence_like
from .markup import Line


def text_lines(text: str, ledger: Ledger) -> list[Line]:
    """A text capture's lines: running headers and page numbers of a PDF's pages left out,
    table rows split into their cells, and lines wrapped at a fixed width joined back into
    their paragraphs. Each line knows the file's lines it holds; *ledger* records the ones
    left out."""
    raw = (_pages(text, ledger) if "\f" in text
           else [(line.strip(), (number,)) for number, line in enumerate(text.split("\n"), start=1)])
    raw = _numbers_joined(raw)
    lines = []
    for line, source in raw:
        cells = _columns(line)
        if cells and all(re.fullmatch(r":?-{3,}:?", cell) for cell in cells):
            ledger.note(Line(line, source=source), "table-rule")
            continue  # the rule under a Markdown table's header: the page draws its own
        if len(cells) == 2 and _MARK.fullmatch(cells[0]):  # "□\t질병관리청은 …": a mark and its text, not a row
            line, cells = f"{cells[0]} {cells[1]}", []
        lines.append(Line(" | ".join(cells), cells=tuple(cells), source=source) if cells
                     else Line(clean(line), source=source))
    return _unwrap(lines)


_MARK = re.compile(r"[□■○●◆◇▶▷►•·*–-]|\d{1,2}[.)]")


Numbered = tuple[str, tuple[int, ...]]  # a line and the file's lines it holds


def _numbers_joined(lines: list[Numbered]) -> list[Numbered]:
    """A list's number alone on a line joined to the text on the next: "1." + "Halvorsen, K. …"."""
    out: list[Numbered] = []
    for line, source in lines:
        if out and F.NUMBER_ONLY.match(out[-1][0]) and line:
            out[-1] = (f"{out[-1][0]} {line}", out[-1][1] + source)
        else:
            out.append((line, source))
    return out


def _pages(text: str, ledger: Ledger) -> list[Numbered]:
    """The lines of a capture with pages (a PDF's text): each page's running header and footer
    and its number left out, and a paragraph that a page break cut in two whole again."""
    pages: list[list[Numbered]] = []
    number = 1
    for page in text.split("\f"):
        pages.append([])
        for line in page.split("\n"):
            pages[-1].append((line.strip(), (number,)))
            number += 1
        number -= 1  # a page break does not start a line of the file

    def shape(line: str) -> str:  # "Harbour Review | page 2" and "… page 3" are one running footer
        return re.sub(r"\d+", "#", clean(line))

    edges = [line for page in pages for line, _ in [*page[:4], *page[max(4, len(page) - 4):]]]  # running lines: page edges
    counts = Counter(shape(line) for line in edges)

    def running(line: str) -> bool:
        return not line or bool(F.PAGE_NUMBER.match(line)) or counts[shape(line)] >= 2 and len(line) <= 80

    out: list[Numbered] = []
    for page in pages:
        first, last = 0, len(page)
        while first < last and running(page[first][0]):
            first += 1
        while last > first and running(page[last - 1][0]):
            last -= 1
        for line, source in page[:first] + page[last:]:
            ledger.note(Line(line, source=source), "page-furniture" if line else "blank")
        page = page[first:last]
        if out and out[-1][0] and page and not (sentence_like(out[-1][0]) or page[0][0][:1].isupper()
                                                or F.LIST_MARK.match(page[0][0])):
            (previous, before), (line, source) = out[-1], page[0]
            joined = previous[:-1] + line if previous.endswith("-") and line[:1].islower() else f"{previous} {line}"
            out[-1:] = [(joined, before + source), *page[1:]]  # the sentence goes on across the break
        else:
            out.extend([("", ())] + page if out else page)
    return out


def _unwrap(lines: list[Line]) -> list[Line]:
    """Join lines that a fixed width broke (a PDF's text, a mail): a line that fills the width
    continues on the next, and a word split at its end by a hyphen is whole again."""
    lengths = sorted(len(line.text) for line in lines if line.text and not line.cells)
    if len(lengths) < 10:
        return lines
    width = lengths[int(len(lengths) * 0.9)]
    full = [line.text for line in lines if not line.cells and len(line.text) >= 0.8 * width]
    if (not 50 <= width <= 110 or len(full) < 0.3 * len(lengths)
            or sum(not sentence_like(text) for text in full) < 0.5 * len(full)):
        return lines  # not wrapped at a width: most full lines would end mid-sentence
    out: list[Line] = []
    last = 0  # the length of the previous line as printed
    for line in lines:
        text = line.text
        previous = out[-1].text if out else ""
        if (previous and text and last >= 0.7 * width and not F.LIST_MARK.match(text) and not sentence_like(previous)
                and not line.cells and not out[-1].cells and not F.TOC_LINE.match(previous)
                and not opens_box(text)):
            source = out[-1].source + line.source
            if re.search(r"[A-Za-z]-$", previous) and text[:1].islower():
                out[-1] = Line(previous[:-1] + text, source=source)
            else:
                out[-1] = Line(previous + " " + text, source=source)
        else:
            out.append(line)
        last = len(text)
    return out


def _columns(line: str) -> list[str]:
    """The cells of a table row printed as text: split by tabs, by pipes ("| a | b |"), or by
    runs of spaces into three or more cells; [] for any other line."""
    if "\t" in line:
        cells = line.split("\t")
        if len([cell for cell in cells if cell.strip()]) == 2 and sentence_like(line):
            return []  # a sentence with a tab in it
    elif line.startswith("|") and line.endswith("|") and line.count("|") >= 3:
        cells = line[1:-1].split("|")
    elif line.count(" | ") >= 2 and not sentence_like(line):  # "구분 | 2023년 | 2024년": pipes without the frame
        cells = line.split("|")
    else:
        cells = re.split(r" {3,}|\u3000{2,}", line)
        if len(cells) < 3 or sentence_like(line):
            return []
    cells = [clean(cell) for cell in cells if cell.strip()]
    return cells if len(cells) >= 2 else []


def clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def credits_joined(lines: list[Line]) -> list[Line]:
    """A picture agency alone on a line ("Getty Images") and the caption under it: one photo."""
    out: list[Line] = []
    for line in lines:
        if out and F.AGENCY_LINE.match(out[-1].text) and line.text and len(line.text) <= 300 and not line.cells:
            out[-1] = Line(f"{line.text} ({out[-1].text})", figure=True, source=out[-1].source + line.source)
        else:
            out.append(line)
    return out


def split_glued_stamps(lines: list[Line]) -> list[Line]:
    """"<headline> 작성일 11-28 42 목록" → the headline, and the stamp on a line of its own."""
    out: list[Line] = []
    for line in lines:
        text = clean(line.text)
        match = F.GLUED_STAMP.search(text)
        if match and not line.figure and match.start() > 0 and not F.SENTENCE_END.search(text[: match.start()]):
            tail = match.group(0).strip()
            stamp = F.STAMP.match(tail)
            rest = tail[stamp.end():].split() if stamp else ["?"]
            if stamp and all(word.isdigit() or word in F.WIDGET_WORDS for word in rest):
                out += [Line(text[: match.start()], source=line.source, part=line.part),
                        Line(tail[: stamp.end()], source=line.source, part=line.part + 1)]
                continue
        out.append(replace(line, text=text))
    return out
