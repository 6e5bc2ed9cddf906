"""Normalize a raw report capture: keep every sentence of the article, drop the furniture,
and collect what the text itself says about the report (title, deck, bylines, dates,
rights, cited outlets). Pure: text in, ``Extracted`` out. Patterns live in ``furniture.py``.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from ..lang.ko import sentences
from . import furniture as F
from .facts import DateEvidence, Facts, anchor, byline, furniture_line, furniture_or_byline, reporter_names
from .head import head, headline_index, site_name
from .markup import Line, PageMeta, looks_like_html, read_html

_LEAD_ZONE = 24  # portal summaries and printed-twice captions sit near the top
_MIN_DUPLICATE = 12  # shorter lines may repeat by chance


@dataclass(frozen=True)
class Block:
    """One piece of the article body."""

    kind: str  # "paragraph", "heading", "figure", "item" (of a list), "row" (of a table, cells joined by " | "), "quote"
    text: str
    credit: str = ""
    original: str = ""
    ordered: bool = False  # an item of a numbered list


@dataclass(frozen=True)
class Extracted:
    """What the capture's text says, before the manifest and human edits have their say."""

    title: str
    deck: tuple[str, ...]
    blocks: tuple[Block, ...]
    authors: tuple[str, ...]
    outlet: str
    dateline: str
    rights: str
    summary: str
    cites: tuple[str, ...]
    dates: tuple[DateEvidence, ...]
    language: str
    dropped_lines: int
    from_metadata: tuple[str, ...] = ()  # fields an HTML page's metadata filled, its printed text silent
    title_guessed: bool = False
    doubts: tuple[str, ...] = ()  # where the normalizer is unsure: said in the build output and the provenance


@dataclass
class _Item:
    kind: str  # "text", "heading", "figure", "item", "row" (of a table), "quote"
    text: str
    original: str = ""
    ordered: bool = False


def extract(text: str) -> Extracted:
    lines, meta = read_html(text) if looks_like_html(text) else (text_lines(text), PageMeta())
    facts = Facts()
    lines = _split_glued_stamps(lines)
    weights = [_weight(line) for line in lines]
    start, end = article_region(lines, weights)
    title_at = headline_index(lines[:end], meta)
    if title_at is not None and title_at >= start:
        above = sum(max(weight, 0) for weight in weights[start:title_at])
        if above > 0.2 * sum(max(weight, 0) for weight in weights[start:end]):  # much of the article above: not the headline
            title_at = None
        else:
            start = title_at + 1
    start = _past_standfirst(lines, weights, start, end)
    top = head(lines[:start], facts, title_at)
    items = _classify(top.figures + lines[start:end], facts)
    _classify(_tail(lines[end:]), facts)  # a byline, an e-mail or a rights line after the article: facts only
    for line in lines[end:]:  # a rights line in the page's footer
        if len(line.text) < 200 and F.RIGHTS.search(line.text):
            _rights(line.text, facts)
    items, summary = _drop_repeats(items)
    title, deck, guessed = top.title, top.deck, top.guessed
    if not title:
        title, deck, items = _lead(items)
        guessed = top.guessed and bool(title)
    items = _section_headings(items)
    while items and items[0].kind == "text" and _headline_like(items[0].text, 100) and len(deck) < 6:
        deck.append(items.pop(0).text)  # under a portal's summary, above the first sentence
    blocks = _body(items, facts)
    body_text = "\n".join(block.text for block in blocks if block.kind != "figure")
    _image_dates(blocks, facts)
    metadata = _from_metadata(meta, facts)
    if meta.title and not title:
        title, guessed = meta.title, False
        metadata.append("title")
    doubts = [f"headline guessed: no stamp, byline or page metadata stands beside {title!r}"] if guessed else []
    if _weak(weights, start, end):
        doubts.append(f"the article's bounds are unsure: little of the capture reads as article text "
                      f"(lines {start + 1}–{end} of {len(lines)} kept)")
    outlet = site_name(facts, meta, top.labels, "\n".join(line.text for line in lines[end:]))
    return Extracted(
        title=title,
        deck=tuple(deck),
        blocks=tuple(blocks),
        authors=tuple(facts.authors),
        outlet=outlet,
        dateline=facts.datelines[0] if facts.datelines else "",
        rights=facts.rights,
        summary=" ".join(summary),
        cites=tuple(cite for cite in find_cites(body_text) if not any(cite.startswith(o) for o in {outlet, *facts.outlets} if o)),
        dates=tuple(facts.dates),
        language=meta.language if meta.language in ("ko", "en") else _language(body_text or title),
        dropped_lines=facts.dropped + len(lines) - (end - start),
        from_metadata=tuple(metadata),
        title_guessed=guessed,
        doubts=tuple(doubts),
    )


def _past_standfirst(lines: list[Line], weights: list[float], start: int, end: int) -> int:
    """Where the article starts when one sentence stands between the headline and the byline
    (a standfirst, printed once): after the byline and stamps; the sentence is the deck."""
    near = range(start, min(start + 8, end))
    first = next((i for i in near if lines[i].text and anchor(lines[i].text)), None)
    if first is None:
        return start
    text = [i for i in range(start, first) if lines[i].text and not lines[i].figure and weights[i] > 0]
    if len(text) != 1 or _repeated_in(lines[text[0]].text, "\n".join(line.text for line in lines[first:end])):
        return start
    while first < end and (not lines[first].text or anchor(lines[first].text) or weights[first] <= 0):
        first += 1  # the byline, the stamps and whatever else is not text, up to the first paragraph
    return first


def _weak(weights: list[float], start: int, end: int) -> bool:
    """Whether the article region barely stands out: it holds under three sentences, or the
    capture outside it weighs nearly as much as it does."""
    inside = weights[start:end]
    outside = sum(max(weight, 0) for weight in weights[:start] + weights[end:])
    return sum(weight > 1 for weight in inside) < 3 or outside > 0.5 * sum(max(w, 0) for w in inside)


def _image_dates(blocks: list[Block], facts: Facts) -> None:
    """A dated image address ("/2024/07/18/") is weak evidence of the publication date."""
    for block in blocks:
        if block.kind == "figure" and block.original:
            match = re.search(r"/((?:19|20)\d{2})(\d{2})/(\d{2})/", block.original)
            if match:
                year, month, day = map(int, match.groups())
                facts.dates.append(DateEvidence(year, month, day, f"image address {block.original}"))


def _from_metadata(meta: PageMeta, facts: Facts) -> list[str]:
    """What an HTML page's metadata adds where its printed text is silent: the date (after
    any printed one, which wins) and the authors. Returns the fields it filled."""
    filled = []
    if meta.published:
        year, month, day = map(int, meta.published.split("-"))
        facts.dates.append(DateEvidence(year, month, day, f"page metadata {meta.published}"))
        if not any(d.year for d in facts.dates[:-1]):
            filled.append("published")
    people = [name for name in meta.authors if not F.OUTLET_SUFFIX.search(name) and name not in F.KOREAN_OUTLETS
              and name != meta.site]
    if people and not facts.authors:
        for name in people:
            facts.author(name)
        filled.append("authors")
    return filled


# --------------------------------------------------------------------------- where the article is

_PAGE_NUMBER = re.compile(r"^(?:\d{1,3}|Page \d{1,3} of \d{1,3}|- ?\d{1,3} ?-|\d{1,3} ?/ ?\d{1,3})$")


def text_lines(text: str) -> list[Line]:
    """A text capture's lines: running headers and page numbers of a PDF's pages left out,
    table rows split into their cells, and lines wrapped at a fixed width joined back into
    their paragraphs."""
    raw = _pages(text) if "\f" in text else [line.strip() for line in text.split("\n")]
    lines = []
    for line in raw:
        cells = _columns(line)
        if cells and all(re.fullmatch(r":?-{3,}:?", cell) for cell in cells):
            continue  # the rule under a Markdown table's header: the page draws its own
        lines.append(Line(" | ".join(cells), cells=tuple(cells)) if cells else Line(_clean(line)))
    return _unwrap(lines)


def _pages(text: str) -> list[str]:
    """The lines of a capture with pages (a PDF's text): each page's running header and footer
    and its number left out, and a paragraph that a page break cut in two whole again."""
    pages = [[line.strip() for line in page.split("\n")] for page in text.split("\f")]

    def shape(line: str) -> str:  # "Harbour Review | page 2" and "… page 3" are one running footer
        return re.sub(r"\d+", "#", _clean(line))

    counts = Counter(shape(line) for page in pages for line in page)

    def running(line: str) -> bool:
        return not line or bool(_PAGE_NUMBER.match(line)) or counts[shape(line)] >= 2 and len(line) <= 80

    out: list[str] = []
    for page in pages:
        while page and running(page[0]):
            page = page[1:]
        while page and running(page[-1]):
            page = page[:-1]
        if out and page and not (_sentence_like(out[-1]) or page[0][:1].isupper() or F.LIST_MARK.match(page[0])):
            out.extend(page)  # the sentence goes on across the break
        else:
            out.extend([""] + page if out else page)
    return out


def _unwrap(lines: list[Line]) -> list[Line]:
    """Join lines that a fixed width broke (a PDF's text, a mail): a line that fills the width
    continues on the next, and a word split at its end by a hyphen is whole again."""
    lengths = sorted(len(line.text) for line in lines if line.text and not line.cells)
    if len(lengths) < 10:
        return lines
    width = lengths[int(len(lengths) * 0.9)]
    if not 50 <= width <= 110 or sum(n >= 0.8 * width for n in lengths) < 0.3 * len(lengths):
        return lines
    out: list[Line] = []
    last = 0  # the length of the previous line as printed
    for line in lines:
        text = line.text
        previous = out[-1].text if out else ""
        if (previous and text and last >= 0.7 * width and not F.LIST_MARK.match(text)
                and not line.cells and not out[-1].cells and not F.TOC_LINE.match(previous)):
            if re.search(r"[A-Za-z]-$", previous) and text[:1].islower():
                out[-1] = Line(previous[:-1] + text)
            else:
                out[-1] = Line(previous + " " + text)
        else:
            out.append(line)
        last = len(text)
    return out


def _columns(line: str) -> list[str]:
    """The cells of a table row printed as text: split by tabs, by pipes ("| a | b |"), or by
    runs of spaces into three or more cells; [] for any other line."""
    if "\t" in line:
        cells = line.split("\t")
    elif line.startswith("|") and line.endswith("|") and line.count("|") >= 3:
        cells = line[1:-1].split("|")
    else:
        cells = re.split(r" {3,}|\u3000{2,}", line)
        if len(cells) < 3 or _sentence_like(line):
            return []
    cells = [_clean(cell) for cell in cells if cell.strip()]
    return cells if len(cells) >= 2 else []


def _sentence_like(text: str) -> bool:
    """Ends like a sentence (a byline, e-mail address or outlet tag glued after it aside)."""
    for glued in (F.GLUED_BYLINE, F.GLUED_EMAIL, F.CLOSING_TAG, F.FOOTNOTE_MARK):
        text = glued.sub("", text)
    return bool(F.SENTENCE_END.search(text)) and len(text) >= 5 and " " in text.strip()


def _weight(line: Line) -> float:
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
        return 0.2
    if F.RIGHTS.search(text) and len(text) < 200:
        return -8.0
    if F.BOX_LABEL.match(text) or F.TRAILER_START.match(text):
        return -2.5
    if furniture_or_byline(text) or F.LISTING_ROW.match(text):
        return -1.0
    if _sentence_like(text) and not (F.CREDIT.search(text) and len(text) < 200):
        return 1.0 + len(text) / 40
    if F.LIST_MARK.match(text) and not F.DASHED_DECK.match(text):
        return 0.5
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
    return start, _past_appended_table(lines, end)


def _past_appended_table(lines: list[Line], end: int) -> int:
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


def _tail(lines: list[Line]) -> list[Line]:
    """The lines just after the article that may say who wrote it: up to the first box of links."""
    out = []
    for line in lines[:8]:
        if F.BOX_LABEL.match(line.text) or F.TRAILER_START.match(line.text) or _PAGE_NUMBER.match(line.text):
            break
        out.append(line)
    return out


def _clean(text: str) -> str:
    return re.sub(r"[ \t\u00a0\u3000]+", " ", text).strip()


def _split_glued_stamps(lines: list[Line]) -> list[Line]:
    """"<headline> 작성일 11-28 42 목록" → the headline, and the stamp on a line of its own."""
    out: list[Line] = []
    for line in lines:
        text = _clean(line.text)
        match = F.GLUED_STAMP.search(text)
        if match and not line.figure and match.start() > 0 and not F.SENTENCE_END.search(text[: match.start()]):
            tail = match.group(0).strip()
            stamp = F.STAMP.match(tail)
            rest = tail[stamp.end():].split() if stamp else ["?"]
            if stamp and all(word.isdigit() or word in F.WIDGET_WORDS for word in rest):
                out += [Line(text[: match.start()]), Line(tail[: stamp.end()])]
                continue
        out.append(replace(line, text=text))
    return out


def _classify(lines: list[Line], facts: Facts) -> list[_Item]:
    """Drop furniture line by line, collecting the facts it carries; keep the rest in order.
    A box of links inside the article (its label, then lines that are not sentences) goes
    as a whole."""
    items: list[_Item] = []
    in_box = False
    for line in lines:
        text = line.text
        if not text and not line.original:
            continue
        if len(text) < 200 and F.RIGHTS.search(text):
            _rights(text, facts)
            facts.dropped += 1
            continue
        if line.boxed:  # a promotion, a related list, comments: what it says about the report is kept
            byline(text, facts) or furniture_line(text, facts)
            facts.dropped += 1
            continue
        if line.figure:
            items.append(_Item("figure", text, line.original))
            continue
        if line.cells:  # a table's row, whatever its cells look like (numbers, dates)
            items.append(_structure(text, line))
            continue
        if in_box and not _sentence_like(text):
            facts.dropped += 1
            continue
        in_box = False
        if F.BOX_LABEL.match(text) or F.TRAILER_START.match(text) or F.LISTING_ROW.match(text):
            in_box = bool(F.BOX_LABEL.match(text))
            facts.dropped += 1
            continue
        if furniture_line(text, facts):
            facts.dropped += 1
            continue
        marker = F.BROADCAST_MARKER.match(text)
        if marker:
            text = text[marker.end():].strip()
            facts.dropped += not text
            if not text:
                continue
        if byline(text, facts):
            facts.dropped += 1
            continue
        sign_off = F.SIGN_OFF.search(text)
        if sign_off:  # it names the reporter; a sentence that says more than the sign-off stays
            facts.author(sign_off.group("name"))
            if sign_off.start() == 0:
                facts.dropped += 1
                continue
        items.append(_structure(text, line))
    return items


def _rights(text: str, facts: Facts) -> None:
    if not facts.rights:
        facts.rights = text.strip("<>[]()‹› ")
        owner = F.RIGHTS_OWNER.search(facts.rights)
        facts.rights_owner = owner.group("owner").strip() if owner else ""


def _structure(text: str, line: Line) -> _Item:
    """What a kept line is: a heading, a list item, a table row, a quotation or text."""
    heading = F.HEADING_MARK.match(text)
    if heading and len(text) <= 100 and not F.SENTENCE_END.search(text):
        return _Item("heading", heading.group("text"))
    if heading and _sentence_like(text):  # "□ 질병관리청은 … 당부하였다.": a paragraph, its mark the layout's
        return _Item("text", heading.group("text"))
    if line.heading and len(text) <= 150:
        return _Item("heading", text)
    numbered = F.NUMBERED_HEADING.match(text)
    if numbered and not F.SENTENCE_END.search(text) and len(text) <= 60:
        return _Item("heading", text)
    listed = F.LIST_MARK.match(text)
    if listed:
        return _Item("item", listed.group("text"), ordered=not listed.group("bullet"))
    if text.startswith(">"):
        return _Item("quote", text.lstrip("> ").strip())
    if line.cells:
        return _Item("row", " | ".join(line.cells))
    return _Item("text", text)


def _drop_repeats(items: list[_Item]) -> tuple[list[_Item], list[str]]:
    """Remove lines the capture prints twice: a portal summary near the top that the
    article repeats word for word, or a photo caption printed twice in a row. The later
    copy stays. Headline-like lines (a deck the body echoes) are left alone."""
    kept: list[_Item] = []
    summary: list[str] = []
    seen_body = False
    keys = [" ".join(item.text.split()) for item in items]
    later_text = "\n".join(key for key, item in zip(keys, items, strict=True) if item.kind == "text")
    for index, item in enumerate(items):
        key = keys[index]
        caption = item.kind == "figure" or bool(F.CREDIT.search(item.text))
        sentence = item.kind == "text" and bool(F.SENTENCE_END.search(item.text)) and not caption
        if sentence:  # what the text items after this one say
            later_text = later_text[later_text.find(key) + len(key):] if key in later_text else later_text
        repeated = (
            index < _LEAD_ZONE and len(key) >= _MIN_DUPLICATE and sentence and _repeated_in(key, later_text)
        ) or (caption and index + 1 < len(items) and keys[index + 1] == key)
        if repeated:
            if sentence and not seen_body:
                summary.append(item.text)
            continue
        seen_body = seen_body or sentence
        kept.append(item)
    return kept, summary


def _repeated_in(sentence: str, text: str) -> bool:
    """Whether *text* repeats *sentence* whole: starting where a sentence starts."""
    start = text.find(sentence)
    while start >= 0:
        if start == 0 or text[start - 1] in "\n .!?\"”’)":
            return True
        start = text.find(sentence, start + 1)
    return False


def _section_headings(items: list[_Item]) -> list[_Item]:
    """A short line of a few words standing alone over a paragraph, without a sentence's
    ending ("Key findings", "The queue problem", "요약"): a section heading. Above the first
    sentence only a line of one to three words is: longer ones there are the deck."""
    out = list(items)
    started = False  # a sentence came before
    for index, item in enumerate(out):
        following = out[index + 1] if index + 1 < len(out) else None
        if (item.kind == "text" and following is not None
                and (following.kind == "item" or following.kind == "text" and _sentence_like(following.text.rstrip(":") + "."))
                and _headline_like(item.text, 50) and len(item.text.split()) <= (6 if started else 3)
                and not item.text.endswith(":") and (index == 0 or out[index - 1].kind != "heading")):
            out[index] = _Item("heading", item.text)
        started = started or item.kind == "text" and _sentence_like(item.text)
    return out


def _headline_like(text: str, limit: int) -> bool:
    return 0 < len(text) <= limit and not F.SENTENCE_END.search(text) and not F.CREDIT.search(text)


def _lead(items: list[_Item]) -> tuple[str, list[str], list[_Item]]:
    """The title and deck lines that open a capture, before the first body sentence."""
    title, deck = "", []
    rest = list(items)
    if rest and rest[0].kind in {"text", "heading"} and _headline_like(rest[0].text, 150):
        title = rest.pop(0).text
        while rest and rest[0].kind == "text" and _headline_like(rest[0].text, 100) and len(deck) < 6:
            deck.append(rest.pop(0).text)
    return title, deck, rest


def _body(items: list[_Item], facts: Facts) -> list[Block]:
    blocks: list[Block] = []
    for item in items:
        if item.kind in ("heading", "item", "row", "quote"):
            blocks.append(Block(item.kind, item.text, ordered=item.ordered))
        elif (item.kind == "figure" or _wire_photo(item.text)
              or F.CREDIT.search(item.text) and not F.SENTENCE_END.search(item.text) and len(item.text) <= 400
              and not (blocks and blocks[-1].kind == "row" and F.TABLE_SOURCE.match(item.text))):
            blocks.append(_figure(item))
        else:
            text = item.text
            if not any(block.kind == "paragraph" for block in blocks):
                text = _strip_dateline(text, facts)
            if text:
                blocks.append(Block("paragraph", text))
    _strip_closing(blocks, facts)
    _drop_author_notes(blocks, facts)
    return blocks


def _figure(item: _Item) -> Block:
    """A photo: its caption, and its credit (what closes the caption, and a wire photo's
    "(부산=뉴스1) 박준혁 기자 =" opening and "2025.9.4/뉴스1" stamp) apart."""
    caption, credits = item.text, []
    while found := F.CREDIT.search(caption) or F.WIRE_PHOTO_STAMP.search(caption):
        credits.insert(0, found.group(0).strip())
        caption = caption[: found.start()].strip()
    opening = F.WIRE_PHOTO_OPENING.match(caption)
    if opening and caption[opening.end():].strip():
        credits.insert(0, opening.group(0).strip())
        caption = caption[opening.end():].strip()
    return Block("figure", caption, credit=" ".join(credits), original=item.original)


def _wire_photo(text: str) -> bool:
    """"(서울=연합뉴스) 임채원 기자 = … 듣고 있다. 2025.4.17 chaewon@yna.co.kr": a wire photo's caption."""
    return bool(F.WIRE_PHOTO_OPENING.match(text) and F.WIRE_PHOTO_STAMP.search(text))


def _strip_dateline(text: str, facts: Facts) -> str:
    """"(지디넷코리아=한정호 기자)본문…", "[서울=뉴시스]홍길동·김철수 기자 = 본문…" or
    "SEOUL, May 2 (Yonhap) -- …" → the body alone; the place, outlet and names are recorded."""
    english = F.EN_DATELINE.match(text)
    if english:
        facts.datelines.append(english.group("place").title())
        facts.outlets.append(english.group("outlet"))
        month = F.MONTHS.get(english.group("mon").lower())
        if month:
            facts.dates.append(DateEvidence(None, month, int(english.group("d")), english.group(0)))
        return text[english.end():].strip()
    match = F.DATELINE_PREFIX.match(text)
    if not match:
        return text
    first, second, names = match.group("a").strip(), match.group("b").strip(), match.group("names") or ""
    if names and not re.search(F.ROLE, names):
        return text
    if re.fullmatch(F.NAMES, second) and re.search(F.ROLE, second):  # (outlet or place = reporter)
        for name in reporter_names(second):
            facts.author(name)
        publisher = F.OUTLET_SUFFIX.search(first) or first in F.KOREAN_OUTLETS
        (facts.outlets if publisher else facts.datelines).append(first)
    elif names or F.OUTLET_SUFFIX.search(second) or second in F.KOREAN_OUTLETS:  # (place = outlet) reporter =
        facts.datelines.append(first)
        facts.outlets.append(second)
        for name in reporter_names(names):
            facts.author(name)
    else:
        return text
    return text[match.end():].strip()


def _strip_closing(blocks: list[Block], facts: Facts) -> None:
    """Split a byline, e-mail address or outlet tag off the end of the last paragraph."""
    for index in range(len(blocks) - 1, -1, -1):
        if blocks[index].kind != "paragraph":
            continue
        text = blocks[index].text
        while True:
            byline = F.GLUED_BYLINE.search(text)
            email = F.GLUED_EMAIL.search(text)
            tag = F.CLOSING_TAG.search(text)
            if byline:
                for name in reporter_names(byline.group("names")):
                    facts.author(name)
                text = text[: byline.start()].rstrip()
            elif email:
                text = text[: email.start()].rstrip()
            elif tag:
                facts.outlets.append(tag.group("outlet"))
                text = text[: tag.start()].rstrip()
            else:
                break
        blocks[index] = Block("paragraph", text)
        return


def _drop_author_notes(blocks: list[Block], facts: Facts) -> None:
    """Notes about the authors that close a capture ("About the authors", "Choi Yun-ha covers
    …", a name card over "Washington-based correspondent covering …") and the few lines
    after them are not the article."""
    names = tuple(facts.authors) + tuple(name.split()[-1] for name in facts.authors if " " in name)  # "Tolliver covers …"

    def note(text: str) -> bool:
        return bool(F.ABOUT_AUTHORS.match(text) or F.AUTHOR_NOTE.match(text) or any(
            text.startswith(name + " ") and F.AUTHOR_NOTE_VERB.match(text[len(name) + 1:]) for name in names))

    start = max(len(blocks) * 2 // 3, len(blocks) - 8)
    first = next((i for i in range(start, len(blocks)) if note(blocks[i].text)), None)
    if first is None:
        return
    while first > 0 and blocks[first - 1].text.lower() in {name.lower() for name in facts.authors}:  # its name card
        first -= 1
    del blocks[first:]


def _outlet_pattern() -> re.Pattern[str]:
    aliases = sorted({alias for names in F.NEWS_OUTLETS for alias in names}, key=len, reverse=True)
    return re.compile(r"(?<![가-힣A-Za-z0-9])(" + "|".join(map(re.escape, aliases)) + r")(?![A-Za-z0-9])")


_OUTLET = _outlet_pattern()
_OUTLET_OF = {alias: names[0] for names in F.NEWS_OUTLETS for alias in names}


def find_cites(body: str) -> list[str]:
    """Outlets the report relies on, as the text first names them ("월스트리트저널(WSJ)")."""
    found: dict[str, str] = {}
    for sentence in sentences(body):
        if not F.CITING_CUE.search(sentence):
            continue
        for match in _OUTLET.finditer(sentence):
            outlet = _OUTLET_OF[match.group(1)]
            if outlet in found:
                continue
            surface = match.group(1)
            paren = re.match(r"\(([^()]{1,30})\)", sentence[match.end():])
            if paren and _OUTLET_OF.get(paren.group(1)) == outlet:
                surface += paren.group(0)
            found[outlet] = surface
    return list(found.values())


def _language(text: str) -> str:
    hangul = len(re.findall(r"[가-힣]", text))
    latin = len(re.findall(r"[A-Za-z]", text))
    return "ko" if hangul >= latin / 3 or hangul > 200 else "en"
