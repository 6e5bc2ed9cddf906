"""Normalize a raw report capture: keep every sentence of the article, drop the furniture,
and collect what the text itself says about the report (title, deck, bylines, dates,
rights, cited outlets). Pure: text in, ``Extracted`` out. Patterns live in ``furniture.py``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..lang.ko import sentences
from . import furniture as F
from .markup import Line, html_to_lines, looks_like_html

_LEAD_ZONE = 24  # portal summaries and printed-twice captions sit near the top
_MIN_DUPLICATE = 12  # shorter lines may repeat by chance


@dataclass(frozen=True)
class Block:
    """One piece of the article body."""

    kind: str  # "paragraph", "heading" or "figure"
    text: str
    credit: str = ""
    original: str = ""


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
    kind: str  # "text", "heading", "figure"
    text: str
    original: str = ""


@dataclass
class _Facts:
    authors: list[str]
    outlets: list[str]
    datelines: list[str]
    dates: list[DateEvidence]
    rights: str = ""
    dropped: int = 0

    def author(self, name: str) -> None:
        if name not in self.authors:
            self.authors.append(name)


def extract(text: str) -> Extracted:
    lines = html_to_lines(text) if looks_like_html(text) else [Line(line) for line in text.split("\n")]
    facts = _Facts(authors=[], outlets=[], datelines=[], dates=[])
    items = _classify(_split_glued_stamps(lines), facts)
    items, summary = _drop_repeats(items)
    title, deck, items = _lead(items)
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
        dropped_lines=facts.dropped,
    )


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
    """Drop furniture line by line, collecting the facts it carries; keep the rest in order."""
    items: list[_Item] = []
    in_trailer = False
    for line in lines:
        text = line.text
        if not text and not line.original:
            continue
        if line.figure:
            if not in_trailer:
                items.append(_Item("figure", text, line.original))
            continue
        # A rights line or a "related news" heading ends the article, but only once the
        # article has begun: above it they are page furniture like any other.
        begun = any(item.kind == "text" and F.SENTENCE_END.search(item.text) for item in items[-3:]) or len(items) > 3
        if len(text) < 200 and F.RIGHTS.search(text):
            if not facts.rights:
                facts.rights = text.strip("<>[]()‹› ")
                owner = F.RIGHTS_OWNER.search(facts.rights)
                if owner and owner.group("owner").strip():
                    facts.outlets.insert(0, owner.group("owner").strip())
            in_trailer = in_trailer or begun
            facts.dropped += 1
            continue
        if in_trailer or F.TRAILER_START.match(text) or F.LISTING_ROW.match(text):
            in_trailer = in_trailer or (begun and not F.LISTING_ROW.match(text))
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
        heading = F.HEADING_MARK.match(text)
        if heading and len(text) <= 100 and not F.SENTENCE_END.search(text):
            items.append(_Item("heading", heading.group("text")))
        elif line.heading and len(text) <= 150:
            items.append(_Item("heading", text))
        else:
            items.append(_Item("text", text))
    return items


def _furniture(text: str, facts: _Facts) -> bool:
    """A whole line of interface, stamps, credits or mastheads; records what it says."""
    if F.STAMP_ONLY_LINE.match(text):
        _stamp_dates(text, facts)
        return True
    english_stamp = F.EN_STAMP.match(text)
    if english_stamp:
        month = F.MONTHS.get(english_stamp.group("mon").lower())
        if english_stamp.group("label") != "Updated" and month:
            facts.dates.append(DateEvidence(int(english_stamp.group("y")), month, int(english_stamp.group("d")), text))
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
        if item.kind == "heading":
            blocks.append(Block("heading", item.text))
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
