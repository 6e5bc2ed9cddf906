"""Normalize a raw report capture: keep every sentence of the article, drop the furniture,
and collect what the text itself says about the report (title, deck, bylines, dates,
rights, cited outlets). Pure: text in, ``Extracted`` out. Patterns live in ``furniture.py``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ..lang import guess
from ..lang.sentences import sentences
from . import furniture as F
from .audit import BLOCK_RULES, Ledger, LineFate
from .facts import DateEvidence, Facts, byline, furniture_line, opens_box, reporter_names, rights_line, sentence_like
from .head import DECK_LINES, head, headline_index, site_name
from .markup import Line, PageMeta, looks_like_html, read_html
from .plain import credits_joined, split_glued_stamps, text_lines
from .region import article_region, line_weight, past_standfirst, repeated_in, tail_lines, weak_region

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
    source: tuple[int, ...] = field(default=(), compare=False, repr=False)  # the capture's lines (``audit.py``)
    part: int = field(default=0, compare=False, repr=False)


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
    from_metadata: tuple[str, ...] = ()  # fields an HTML page's metadata filled, its printed text silent
    title_guessed: bool = False
    doubts: tuple[str, ...] = ()  # where the normalizer is unsure: said in the build output and the provenance
    fates: tuple[LineFate, ...] = field(default=(), compare=False, repr=False)  # what became of each line


@dataclass
class _Item:
    kind: str  # "text", "heading", "figure", "item", "row" (of a table), "quote"
    text: str
    original: str = ""
    ordered: bool = False
    source: tuple[int, ...] = ()
    part: int = 0


def capture_units(text: str) -> list[tuple[int, str, int]]:
    """The capture's lines as its audit numbers them (``audit.py``): number, text, file line."""
    return _html_units(read_html(text)[0]) if looks_like_html(text) else _text_units(text)


def _html_units(lines: list[Line]) -> list[tuple[int, str, int]]:
    return [(line.source[0], line.text, line.at) for line in lines]


def _text_units(text: str) -> list[tuple[int, str, int]]:
    return [(number, line, 0) for number, line in enumerate(text.removesuffix("\n").split("\n"), start=1)]


def extract(text: str) -> Extracted:
    ledger = Ledger()
    if looks_like_html(text):
        lines, meta = read_html(text)
        units = _html_units(lines)
    else:
        lines, meta = text_lines(text, ledger), PageMeta()
        units = _text_units(text)
    facts = Facts()
    lines = credits_joined(split_glued_stamps(lines))
    weights = [line_weight(line) for line in lines]
    start, end = article_region(lines, weights)
    title_at = headline_index(lines[:end], meta)
    if title_at is not None and title_at >= start:
        above = sum(max(weight, 0) for weight in weights[start:title_at])
        if above > 0.2 * sum(max(weight, 0) for weight in weights[start:end]):  # much of the article above: not the headline
            title_at = None
        else:
            start = title_at + 1
    start = past_standfirst(lines, weights, start, end)
    top = head(lines[:start], facts, title_at, ledger)
    items = _classify(top.figures + lines[start:end], facts, ledger)
    for line in lines[end:]:
        ledger.note(line, "after-article" if line.text else "blank")
    _classify(tail_lines(lines[end:]), facts, ledger)  # a byline, an e-mail or a rights line after the article: facts only
    for line in lines[end:]:  # a rights line in the page's footer
        if rights_line(line.text):
            _rights(line.text, facts)
            ledger.note(line, "rights")
    items, summary = _drop_repeats(items, ledger)
    title, deck, guessed = top.title, top.deck, top.guessed
    if not title:
        title, deck, items = _lead(items, ledger)
        guessed = top.guessed and bool(title)
    items = _section_headings(_unmarked_lists(items))
    while items and items[0].kind == "text" and _headline_like(items[0].text, 100) and len(deck) < DECK_LINES:
        ledger.note(items[0], "deck")
        deck.append(items.pop(0).text)  # under a portal's summary, above the first sentence
    blocks = _body(items, facts, ledger)
    body_text = "\n".join(block.text for block in blocks if block.kind != "figure")
    _image_dates(blocks, facts)
    metadata = _from_metadata(meta, facts)
    if meta.title and not title:
        title, guessed = meta.title, False
        metadata.append("title")
    doubts = [f"headline guessed: no stamp, byline or page metadata stands beside {title!r}"] if guessed else []
    if weak_region(weights, start, end):
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
        language=meta.language if meta.language in ("ko", "en") else guess(body_text or title),
        from_metadata=tuple(metadata),
        title_guessed=guessed,
        doubts=tuple(doubts),
        fates=ledger.fates(units),
    )


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


def _classify(lines: list[Line], facts: Facts, ledger: Ledger) -> list[_Item]:
    """Drop furniture line by line, collecting the facts it carries; keep the rest in order
    (what becomes of those is recorded when they are blocks). A box of links inside the
    article (its label, then lines that are not sentences) goes as a whole."""
    items: list[_Item] = []
    in_box = False
    for line in lines:
        text = line.text
        if not text and not line.original:
            ledger.note(line, "blank")
            continue
        if rights_line(text):
            _rights(text, facts)
            ledger.note(line, "rights")
            continue
        if line.boxed:  # a promotion, a related list, comments: its bylines are other reports' (a rights line counted above)
            ledger.note(line, "box")
            continue
        if line.figure:
            items.append(_Item("figure", text, line.original, source=line.source, part=line.part))
            continue
        if line.cells:  # a table's row, whatever its cells look like (numbers, dates)
            items.append(_structure(text, line))
            continue
        if in_box and not sentence_like(text):
            ledger.note(line, "link-box")
            continue
        in_box = False
        if opens_box(text) or F.LISTING_ROW.match(text):
            in_box = bool(F.BOX_LABEL.match(text))
            ledger.note(line, "link-box")
            continue
        rule = furniture_line(text, facts)
        if rule:
            ledger.note(line, rule)
            continue
        marker = F.BROADCAST_MARKER.match(text)
        if marker:
            text = text[marker.end():].strip()
            if not text:
                ledger.note(line, "interface")
                continue
        if byline(text, facts):
            ledger.note(line, "byline")
            continue
        sign_off = F.SIGN_OFF.match(text)
        if sign_off:  # it names the reporter; "지금까지 워싱턴에서 …" says more than the sign-off, and stays
            facts.author(sign_off.group("name"))
            if not sign_off.group("lead"):
                ledger.note(line, "byline")
                continue
        items.append(_structure(text, line))
    return items


def _rights(text: str, facts: Facts) -> None:
    if not facts.rights:
        facts.rights = text.strip("<>[]()‹› ")
        owner = F.RIGHTS_OWNER.search(facts.rights)
        facts.rights_owner = owner.group("owner").strip() if owner else ""


def _structure(text: str, line: Line) -> _Item:
    """What a kept line is: a table row, a heading, a list item, a quotation or text."""
    item = _Item("text", text, source=line.source, part=line.part)
    if line.cells:
        return replace(item, kind="row", text=" | ".join(line.cells))
    heading = F.HEADING_MARK.match(text)
    if heading and len(text) <= 100 and not F.SENTENCE_END.search(text):
        return replace(item, kind="heading", text=heading.group("text"))
    if heading and sentence_like(text):  # "□ 질병관리청은 … 당부하였다.": a paragraph, its mark the layout's
        return replace(item, text=heading.group("text"))
    if line.heading and len(text) <= 150:
        return replace(item, kind="heading")
    numbered = F.NUMBERED_HEADING.match(text)
    if numbered and not F.SENTENCE_END.search(text) and len(text) <= 60:
        return replace(item, kind="heading")
    listed = F.LIST_MARK.match(text)
    if listed:
        return replace(item, kind="item", text=listed.group("text"), ordered=not listed.group("bullet"))
    if text.startswith(">"):
        return replace(item, kind="quote", text=text.lstrip("> ").strip())
    return item


def _drop_repeats(items: list[_Item], ledger: Ledger) -> tuple[list[_Item], list[str]]:
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
            index < _LEAD_ZONE and len(key) >= _MIN_DUPLICATE and sentence and repeated_in(key, later_text)
        ) or (caption and index + 1 < len(items) and keys[index + 1] == key)
        if repeated:
            if sentence and not seen_body:
                summary.append(item.text)
            ledger.note(item, "summary" if sentence and not seen_body else "repeat")
            continue
        seen_body = seen_body or sentence
        kept.append(item)
    return kept, summary


def _section_headings(items: list[_Item]) -> list[_Item]:
    """A short line of a few words standing alone over a paragraph, without a sentence's
    ending ("Key findings", "The queue problem", "요약"): a section heading. Above the first
    sentence only a line of one to three words is: longer ones there are the deck."""
    out = list(items)
    started = False  # a sentence came before
    for index, item in enumerate(out):
        following = out[index + 1] if index + 1 < len(out) else None
        if (item.kind == "text" and following is not None
                and (following.kind == "item" or following.kind == "text" and sentence_like(re.sub(r":$", ".", following.text)))
                and not (index and out[index - 1].text.endswith(":"))  # a lead-in's colon opens a list, not a section
                and _headline_like(item.text, 60) and len(item.text.split()) <= (8 if started else 3)
                and not item.text.endswith(":") and (index == 0 or out[index - 1].kind != "heading")):
            out[index] = replace(item, kind="heading")
        started = started or item.kind == "text" and sentence_like(item.text)
    return out


def _unmarked_lists(items: list[_Item]) -> list[_Item]:
    """Three or more short lines that are not sentences, after a line that ends with a colon
    ("…features include:"): the items of a list printed without bullets."""
    out = list(items)
    for index, item in enumerate(out[:-3]):
        if item.kind != "text" or not item.text.endswith(":"):
            continue
        run = []
        for following in out[index + 1:]:
            if following.kind != "text" or sentence_like(following.text) or len(following.text) > 120:
                break
            run.append(following)
        if len(run) >= 3:
            for offset, listed in enumerate(run, start=index + 1):
                out[offset] = replace(listed, kind="item")
    return out


def _headline_like(text: str, limit: int) -> bool:
    return 0 < len(text) <= limit and not F.SENTENCE_END.search(text) and not F.CREDIT.search(text)


def _lead(items: list[_Item], ledger: Ledger) -> tuple[str, list[str], list[_Item]]:
    """The title and deck lines that open a capture, before the first body sentence."""
    title, deck = "", []
    rest = list(items)
    if rest and rest[0].kind in {"text", "heading"} and _headline_like(rest[0].text, 150):
        ledger.note(rest[0], "title")
        title = rest.pop(0).text
        while rest and rest[0].kind == "text" and _headline_like(rest[0].text, 100) and len(deck) < DECK_LINES:
            ledger.note(rest[0], "deck")
            deck.append(rest.pop(0).text)
    return title, deck, rest


def _body(items: list[_Item], facts: Facts, ledger: Ledger) -> list[Block]:
    """The article's blocks; the ledger records each item as the block it became."""
    blocks: list[Block] = []
    for item in items:
        if item.kind in ("heading", "item", "row", "quote"):
            blocks.append(Block(item.kind, item.text, ordered=item.ordered, source=item.source, part=item.part))
        elif (item.kind == "figure" or _wire_photo(item.text)
              or F.CREDIT.search(item.text) and not F.SENTENCE_END.search(item.text) and len(item.text) <= 400
              and not (blocks and blocks[-1].kind == "row" and F.TABLE_SOURCE.match(item.text))):
            blocks.append(_figure(item))
        else:
            text = item.text
            if not any(block.kind == "paragraph" for block in blocks):
                text = _strip_dateline(text, facts)
            if text:
                blocks.append(Block("paragraph", text, source=item.source, part=item.part))
            else:
                ledger.note(item, "dateline")
    _strip_closing(blocks, facts)
    _drop_closing_notes(blocks, facts, ledger)
    for block in blocks:
        ledger.note(block, BLOCK_RULES[block.kind])
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
    return Block("figure", caption, credit=" ".join(credits), original=item.original, source=item.source, part=item.part)


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
        blocks[index] = replace(blocks[index], text=text)
        return


def _drop_closing_notes(blocks: list[Block], facts: Facts, ledger: Ledger) -> None:
    """Notes that close a capture are not the article: a closing section (about the authors,
    about the company, forward-looking statements, media contacts) up to the next heading,
    and a note on an author ("Choi Yun-ha covers …", "Washington-based correspondent
    covering …") with the name card above it. Only the second half of a capture is read."""
    surnames = {name.split()[-1]: name for name in facts.authors if " " in name}  # "Tolliver covers …"
    cards = {name.lower() for name in facts.authors}
    drop: set[int] = set()
    section = False
    for index in range(len(blocks) // 2, len(blocks)):
        text = blocks[index].text
        heading = blocks[index].kind == "heading" or F.CLOSING_SECTION.match(text)
        if heading:
            section = _closing_section(text, blocks[index + 1].text if index + 1 < len(blocks) else "")
        note = F.AUTHOR_NOTE.match(text) or any(
            text.startswith(name + " ") and F.AUTHOR_NOTE_VERB.match(text[len(name) + 1:])
            for name in (*facts.authors, *surnames))
        if section or note:
            drop.add(index)
            if note and index - 1 >= 0 and blocks[index - 1].text.lower() in cards:
                drop.add(index - 1)
    for index in sorted(drop):
        ledger.note(blocks[index], "closing-note")
    blocks[:] = [block for index, block in enumerate(blocks) if index not in drop]


def _closing_section(label: str, following: str) -> bool:
    """A closing section's label; "About Veltrix Networks" only over its boilerplate
    ("Veltrix Networks, Inc. designs …"), so that a section "About Huawei" stays."""
    found = F.CLOSING_SECTION.match(label)
    if not found:
        return False
    about = re.match(r"About (?!the authors?$)(\S+)", label)
    return not about or following.startswith(about.group(1))


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
