"""Normalize a raw report capture: keep every sentence of the article, drop the furniture,
and collect what the text itself says about the report (title, deck, bylines, dates,
rights, cited outlets). Pure: text in, ``Extracted`` out. Patterns live in ``furniture.py``.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import groupby

from ..lang.ko import sentences
from . import furniture as F
from .markup import Line, html_to_lines, looks_like_html

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
class DateEvidence:
    """A publication date, or part of one, as the capture prints it."""

    year: int | None
    month: int
    day: int
    source: str  # the text it came from


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


@dataclass
class _Item:
    kind: str  # "text", "heading", "figure", "item", "row" (of a table), "quote"
    text: str
    original: str = ""
    ordered: bool = False


@dataclass
class _Facts:
    authors: list[str] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)
    datelines: list[str] = field(default_factory=list)
    dates: list[DateEvidence] = field(default_factory=list)
    rights: str = ""
    dropped: int = 0

    def author(self, name: str) -> None:
        if name not in self.authors:
            self.authors.append(name)


def extract(text: str) -> Extracted:
    lines = html_to_lines(text) if looks_like_html(text) else text_lines(text)
    facts = _Facts()
    lines = _split_glued_stamps(lines)
    start, end = article_region(lines)
    title, deck, lead = _head(lines[:start], facts)
    items = _classify(lead + lines[start:end], facts)
    _classify(_tail(lines[end:]), facts)  # a byline, an e-mail or a rights line after the article: facts only
    items, summary = _drop_repeats(items)
    if not title:
        title, deck, items = _lead(items)
    while items and items[0].kind == "text" and _headline_like(items[0].text, 100) and len(deck) < 6:
        deck.append(items.pop(0).text)  # under a portal's summary, above the first sentence
    blocks = _body(items, facts)
    body_text = "\n".join(block.text for block in blocks if block.kind != "figure")
    for block in blocks:
        if block.kind == "figure" and block.original:
            match = re.search(r"/((?:19|20)\d{2})(\d{2})/(\d{2})/", block.original)
            if match:
                year, month, day = map(int, match.groups())
                facts.dates.append(DateEvidence(year, month, day, f"image address {block.original}"))
    own = set(facts.outlets)
    return Extracted(
        title=title,
        deck=tuple(deck),
        blocks=tuple(blocks),
        authors=tuple(facts.authors),
        outlet=facts.outlets[0] if facts.outlets else "",
        dateline=facts.datelines[0] if facts.datelines else "",
        rights=facts.rights,
        summary=" ".join(summary),
        cites=tuple(cite for cite in find_cites(body_text) if not any(cite.startswith(o) for o in own)),
        dates=tuple(facts.dates),
        language=_language(body_text or title),
        dropped_lines=facts.dropped + len(lines) - (end - start),
    )


# --------------------------------------------------------------------------- where the article is

_PAGE_NUMBER = re.compile(r"^(?:\d{1,3}|Page \d{1,3} of \d{1,3}|- ?\d{1,3} ?-|\d{1,3} ?/ ?\d{1,3})$")


def text_lines(text: str) -> list[Line]:
    """A text capture's lines: running headers and page numbers of a PDF's pages left out,
    and lines wrapped at a fixed width joined back into their paragraphs."""
    raw = [_clean(line) for line in text.replace("\f", "\n").split("\n")]
    if "\f" in text:  # pages: each repeats its header and footer
        counts = Counter(raw)
        raw = [line for line in raw if not line or not (_PAGE_NUMBER.match(line) or counts[line] >= 3 and len(line) <= 80)]
    return [Line(line) for line in _unwrap(raw)]


def _unwrap(lines: list[str]) -> list[str]:
    """Join lines that a fixed width broke (a PDF's text, a mail): a line that fills the width
    continues on the next, and a word split at its end by a hyphen is whole again."""
    lengths = sorted(len(line) for line in lines if line)
    if len(lengths) < 10:
        return lines
    width = lengths[int(len(lengths) * 0.9)]
    if not 50 <= width <= 110 or sum(n >= 0.8 * width for n in lengths) < 0.3 * len(lengths):
        return lines
    out: list[str] = []
    last = 0  # the length of the previous line as printed
    for line in lines:
        joins = (out and out[-1] and line and last >= 0.7 * width and not F.LIST_MARK.match(line)
                 and not _columns(line) and not _columns(out[-1]))
        if joins:
            previous = out[-1]
            if re.search(r"[A-Za-z]-$", previous) and line[:1].islower():
                out[-1] = previous[:-1] + line
            else:
                out[-1] = previous + " " + line
        else:
            out.append(line)
        last = len(line)
    return out


def _columns(line: str) -> list[str]:
    """The cells of a table row printed as text (tabs, runs of spaces or pipes), or []."""
    if "\t" in line:
        cells = [cell.strip() for cell in line.split("\t")]
    elif line.startswith("|") and line.endswith("|") and line.count("|") >= 3:
        cells = [cell.strip() for cell in line[1:-1].split("|")]
    else:
        cells = [cell.strip() for cell in re.split(r"\s{3,}", line)]
    cells = [cell for cell in cells if cell]
    return cells if len(cells) >= 2 else []


def _sentence_like(text: str) -> bool:
    """Ends like a sentence (a byline, e-mail address or outlet tag glued after it aside)."""
    for glued in (F.GLUED_BYLINE, F.GLUED_EMAIL, F.CLOSING_TAG):
        text = glued.sub("", text)
    return bool(F.SENTENCE_END.search(text)) and len(text) >= 5 and " " in text.strip()


def _weight(line: Line) -> float:
    """How much a line looks like article text (positive) or page furniture (negative):
    sentences count by their length, so that a long article outweighs a box of links in its
    middle, and a trailer of short lines ends it."""
    text = line.text
    if line.figure:
        return 0.0
    if not text:
        return -0.1
    if F.RIGHTS.search(text) and len(text) < 200:
        return -8.0
    if F.BOX_LABEL.match(text) or F.TRAILER_START.match(text):
        return -2.5
    scratch = _Facts()
    if _furniture(text, scratch) or _byline(text, scratch) or F.LISTING_ROW.match(text):
        return -1.0
    if _sentence_like(text) and not (F.CREDIT.search(text) and len(text) < 200):
        return 1.0 + len(text) / 40
    if F.LIST_MARK.match(text) or _columns(text):
        return 0.5
    return -0.5


def article_region(lines: list[Line]) -> tuple[int, int]:
    """The span of lines that holds the article: the run whose weights add up to the most
    (no single line inside it can end it), stretched over a short gap to text just beyond."""
    weights = [_weight(line) for line in lines]
    best, start, end, running, run_start = 0.0, 0, 0, 0.0, 0
    for index, weight in enumerate(weights):
        if running <= 0:
            running, run_start = 0.0, index
        running += weight
        if running > best:
            best, start, end = running, run_start, index + 1
    while True:  # a lead paragraph above a box that cost more than it weighs is still the article's
        before = next((i for i in range(start - 1, max(start - 10, 0) - 1, -1) if weights[i] > 0), None)
        gap = range(before + 1, start) if before is not None else range(0)
        if before is None or any(weights[i] <= -2.5 or _anchors(lines[i].text) for i in gap):
            break
        start = before
    rest = [weight for weight, line in zip(weights[end:], lines[end:], strict=True) if line.text]
    if len(rest) <= 2 and all(weight > -1 for weight in rest):  # the capture ends with the article
        end = len(lines)
    return start, end


def _tail(lines: list[Line]) -> list[Line]:
    """The lines just after the article that may say who wrote it: up to the first box of links."""
    out = []
    for line in lines[:8]:
        if F.BOX_LABEL.match(line.text) or F.TRAILER_START.match(line.text) or _PAGE_NUMBER.match(line.text):
            break
        out.append(line)
    return out


def _head(lines: list[Line], facts: _Facts) -> tuple[str, list[str], list[Line]]:
    """The headline, deck and photos above the article. Menus (runs of short lines) are
    passed over; the headline is the first of the lines that stand just above the stamps
    and byline, or else the first headline-like line after the menus."""
    menu = _menu_lines(lines)
    kinds: list[str] = []
    for index, line in enumerate(lines):
        text = line.text
        if line.figure or (F.CREDIT.search(text) and len(text) <= 400):
            kinds.append("figure")
        elif index in menu or not text:
            kinds.append("menu")
        elif _furniture(text, facts) or _byline(text, facts) or F.RIGHTS.search(text):
            kinds.append("anchor" if _anchors(text) else "furniture")
            facts.dropped += 1
        elif 6 <= len(text) <= 160 and not re.search(r"다\.[\"”’)]*$", text):
            kinds.append("candidate")
        else:
            kinds.append("other")
    anchor = next((i for i, kind in enumerate(kinds) if kind == "anchor"), None)
    title_at = None
    if anchor is not None:
        index = anchor - 1
        while index >= 0 and kinds[index] in ("candidate", "furniture"):
            if kinds[index] == "candidate":
                title_at = index
            index -= 1
    if title_at is None:
        title_at = next((i for i, kind in enumerate(kinds) if kind == "candidate"), None)
    if title_at is None:
        return "", [], [line for line, kind in zip(lines, kinds, strict=True) if kind == "figure"]
    deck = [lines[i].text for i in range(title_at + 1, len(lines)) if kinds[i] == "candidate"][:6]
    figures = [line for line, kind in zip(lines[title_at:], kinds[title_at:], strict=True) if kind == "figure"]
    return lines[title_at].text, deck, figures


def _anchors(text: str) -> bool:
    """A stamp or a byline: what stands next to a headline."""
    scratch = _Facts()
    return bool(F.STAMP_ONLY_LINE.match(text) or F.EN_DATE_LINE.match(text)
                or _byline(text, scratch) or F.EN_BYLINE_NAMES.match(text) or F.EN_CORRESPONDENTS.match(text)
                or F.OUTLET_NAME_EMAIL.match(text))


def _menu_lines(lines: list[Line]) -> set[int]:
    """Lines in runs of three or more short lines: a site's menus and link bars."""
    def short(index: int) -> bool:
        line = lines[index]
        return len(line.text) <= 10 and not line.figure and not _anchors(line.text)

    found: set[int] = set()
    for is_short, run in groupby(range(len(lines)), key=short):
        run = list(run)
        if is_short and len(run) >= 3:
            found.update(run)
    return found


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
        out.append(Line(text, heading=line.heading, figure=line.figure, original=line.original))
    return out


def _classify(lines: list[Line], facts: _Facts) -> list[_Item]:
    """Drop furniture line by line, collecting the facts it carries; keep the rest in order.
    A box of links inside the article (its label, then lines that are not sentences) goes
    as a whole."""
    items: list[_Item] = []
    in_box = False
    for line in lines:
        text = line.text
        if not text and not line.original:
            continue
        if line.figure:
            items.append(_Item("figure", text, line.original))
            continue
        if in_box and not _sentence_like(text):
            facts.dropped += 1
            continue
        in_box = False
        if len(text) < 200 and F.RIGHTS.search(text):
            if not facts.rights:
                facts.rights = text.strip("<>[]()‹› ")
                owner = F.RIGHTS_OWNER.search(facts.rights)
                if owner and owner.group("owner").strip():
                    facts.outlets.insert(0, owner.group("owner").strip())
            facts.dropped += 1
            continue
        if F.BOX_LABEL.match(text) or F.TRAILER_START.match(text) or F.LISTING_ROW.match(text):
            in_box = bool(F.BOX_LABEL.match(text))
            facts.dropped += 1
            continue
        if _furniture(text, facts):
            facts.dropped += 1
            continue
        marker = F.BROADCAST_MARKER.match(text)
        if marker:
            text = text[marker.end():].strip()
            facts.dropped += not text
            if not text:
                continue
        if _byline(text, facts):
            facts.dropped += 1
            continue
        sign_off = F.SIGN_OFF.search(text)
        if sign_off:  # the sentence stays; it also names the reporter
            facts.author(sign_off.group("name"))
        items.append(_structure(text, line))
    return items


def _structure(text: str, line: Line) -> _Item:
    """What a kept line is: a heading, a list item, a table row, a quotation or text."""
    heading = F.HEADING_MARK.match(text)
    if heading and len(text) <= 100 and not F.SENTENCE_END.search(text):
        return _Item("heading", heading.group("text"))
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
    cells = _columns(text)
    if cells and not _sentence_like(text) or text.startswith("|"):
        return _Item("row", " | ".join(cells) if cells else text)
    return _Item("text", text)


def _furniture(text: str, facts: _Facts) -> bool:
    """A whole line of interface, stamps, credits or mastheads; records what it says."""
    if F.STAMP_ONLY_LINE.match(text):
        _stamp_dates(text, facts)
        return True
    english_stamp = F.EN_DATE_LINE.match(text)
    if english_stamp:
        found = english_stamp.groupdict()
        month = F.MONTHS.get((found["mon"] or found["mon2"] or "")[:3].lower())
        if not (found["label"] or "").startswith(("Updated", "Last")) and month:
            facts.dates.append(DateEvidence(int(found["y"] or found["y2"]), month, int(found["d"] or found["d2"]), text))
        return True
    if F.EN_UI_LINE.match(text):
        return True
    credited = F.EN_CREDIT_LINE.match(text)
    if credited or F.EN_BYLINE_NAMES.match(text) or F.EN_CORRESPONDENTS.match(text):
        names = ([m.group("names") for m in F.EN_CREDITED.finditer(text)] if credited
                 else [F.EN_BYLINE_NAMES.match(text).group("names")] if text.startswith("By ")
                 else [part.split(" in ")[0] for part in re.split(r",| and ", text)])
        for group in names:
            for name in re.split(r"\s*(?:,|\band\b|&)\s*", group):
                if name.strip():
                    facts.author(name.strip())
        return True
    if F.UI_NOTICE.match(text) or (len(text) <= F.UI_MAX and F.UI_LINE.match(text)) or _is_widget(text) or F.EMAIL_LINE.match(text):
        return True
    if F.PRODUCTION_CREDITS.match(text):
        return True
    for pattern in (F.EN_BYLINE, F.OUTLET_NAME_EMAIL):
        match = pattern.match(text)
        if match:
            facts.author(match.group("name"))
            if "outlet" in match.groupdict():
                facts.outlets.append(match.group("outlet"))
            return True
    if _masthead(text):
        if text.replace(" ", "") not in F.PORTALS:
            facts.outlets.append(text)
        return True
    return False


def _masthead(text: str) -> bool:
    """The outlet's name alone on a line ("한겨레", "SBS 뉴스"): a masthead or a signature."""
    if text in F.KOREAN_OUTLETS or text in F.PORTALS:
        return True
    words = text.split()
    return (len(text) <= 12 and len(words) <= 2 and re.fullmatch(r"[A-Za-z가-힣0-9 ]+", text) is not None
            and F.OUTLET_SUFFIX.search(text.replace(" ", "")) is not None
            and (len(words) == 1 or words[0] in F.KOREAN_OUTLETS or re.fullmatch(r"[A-Z]{2,5}", words[0]) is not None))


def _is_widget(text: str) -> bool:
    words = re.split(r"[\s|·/,>]+", text.strip())
    return len(text) <= 120 and all(word in F.WIDGET_WORDS or re.fullmatch(r"[\d,.:\-]+", word) for word in words)


def _stamp_dates(text: str, facts: _Facts) -> None:
    """Publication stamps become date evidence; update stamps (수정, 최종 수정) never do."""
    for match in F.STAMP.finditer(text):
        label = match.group(0)
        if label.startswith(F.UPDATE_LABELS):
            continue
        if match.group("y"):
            facts.dates.append(DateEvidence(int(match.group("y")), int(match.group("m")), int(match.group("d")), label))
        else:
            facts.dates.append(DateEvidence(None, int(match.group("pm")), int(match.group("pd")), label))


def _names(text: str) -> list[str]:
    """Reporter names in "홍길동·김철수 기자" or "이윤정 특파원 홍길동 기자" (role words left out)."""
    return [name for name in re.findall(F.NAME, text) if not re.fullmatch(F.ROLE, name)]


def _byline(text: str, facts: _Facts) -> bool:
    """A line that only says who wrote the report (and maybe where, when, which outlet)."""
    if len(text) > 90 or F.SENTENCE_END.search(text) and not re.search(F.EMAIL + r"\W*$", text):
        return False
    match = F.BYLINE_LINE.match(text)
    if not match or not re.search(F.ROLE, match.group("names")):
        return False
    rest = match.group("rest").strip()
    if rest and not F.STAMP_ONLY_LINE.match(rest) and not re.fullmatch(F.DATE_UNNAMED + F.TIME + r"\.?", rest):
        return False
    for name in _names(match.group("names")):
        facts.author(name)
    pre = match.group("pre") or ""
    if match.group("outlet") or (pre and F.OUTLET_SUFFIX.search(pre)):
        facts.outlets.append(match.group("outlet") or pre)
    elif pre:
        facts.datelines.append(pre)
    if F.STAMP_ONLY_LINE.match(rest):
        _stamp_dates(rest, facts)
    elif rest:
        date = re.search(F.DATE, rest)
        facts.dates.append(DateEvidence(int(date.group("y")), int(date.group("m")), int(date.group("d")), "입력 " + rest))
    return True



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


def _body(items: list[_Item], facts: _Facts) -> list[Block]:
    blocks: list[Block] = []
    for item in items:
        if item.kind in ("heading", "item", "row", "quote"):
            blocks.append(Block(item.kind, item.text, ordered=item.ordered))
        elif item.kind == "figure" or F.CREDIT.search(item.text) and not F.SENTENCE_END.search(item.text) and len(item.text) <= 400:
            blocks.append(_figure(item))
        else:
            text = item.text
            if not any(block.kind == "paragraph" for block in blocks):
                text = _strip_dateline(text, facts)
            if text:
                blocks.append(Block("paragraph", text))
    _strip_closing(blocks, facts)
    return blocks


def _figure(item: _Item) -> Block:
    credit = F.CREDIT.search(item.text)
    caption, credit_text = (item.text[: credit.start()].strip(), credit.group("credit").strip()) if credit else (item.text, "")
    return Block("figure", caption, credit=credit_text, original=item.original)


def _strip_dateline(text: str, facts: _Facts) -> str:
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
        for name in _names(second):
            facts.author(name)
        publisher = F.OUTLET_SUFFIX.search(first) or first in F.KOREAN_OUTLETS
        (facts.outlets if publisher else facts.datelines).append(first)
    elif names or F.OUTLET_SUFFIX.search(second) or second in F.KOREAN_OUTLETS:  # (place = outlet) reporter =
        facts.datelines.append(first)
        facts.outlets.append(second)
        for name in _names(names):
            facts.author(name)
    else:
        return text
    return text[match.end():].strip()


def _strip_closing(blocks: list[Block], facts: _Facts) -> None:
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
                for name in _names(byline.group("names")):
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
