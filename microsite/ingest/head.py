"""The head of a capture, above the article: the headline, the deck and the photos, found
beside the stamps and byline rather than in the site's menus, breadcrumbs and labels.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import groupby

from . import furniture as F
from .audit import Ledger
from .facts import Facts, anchor, byline, furniture_line, interface, rights_line, sentence_like, stamp_dates
from .markup import Line, PageMeta

DECK_LINES = 6  # a deck longer than this is the article


@dataclass
class Head:
    title: str = ""
    deck: list[str] = field(default_factory=list)
    figures: list[Line] = field(default_factory=list)  # photos, and a section heading that opens the article
    guessed: bool = False  # the headline was chosen over other text, no stamp, byline or metadata beside it
    labels: list[str] = field(default_factory=list)  # the head's other lines: mastheads, section names


def headline_index(lines: list[Line], meta: PageMeta) -> int | None:
    """Where an HTML page prints the headline its metadata names (``og:title``), or its ``<h1>``."""
    if meta.title:
        wanted = _letters(meta.title)
        for index, line in enumerate(lines):
            found = _letters(line.text)
            if found and not line.figure and (found == wanted or len(found) >= 0.8 * len(wanted) and found in wanted
                                              or len(wanted) >= 0.8 * len(found) and wanted in found):
                return index
    return next((i for i, line in enumerate(lines) if line.headline and len(line.text) >= 8), None)


def head(lines: list[Line], facts: Facts, title_at: int | None, ledger: Ledger) -> Head:
    """The headline, deck and photos above the article. The headline is the line the page's
    metadata names; else the first of the lines that stand just above the stamps and byline
    (past labels and toolbars between them); else the first headline-like line. *ledger*
    records what became of each line (photos and an opening heading: where the article reads them)."""
    kinds, rules = _kinds(lines, facts)
    found = _head(lines, kinds, facts, title_at)
    taken = {id(line) for line in found.figures}
    for line, kind, rule in zip(lines, kinds, rules, strict=True):
        if id(line) not in taken:
            ledger.note(line, {"title": "title", "deck": "deck"}.get(kind, rule))
    return found


def _head(lines: list[Line], kinds: list[str], facts: Facts, title_at: int | None) -> Head:
    """The head, its headline and deck lines marked in *kinds* ("title", "deck")."""
    text_above = False  # the headline was picked among other lines of text, with no stamp or byline to go by
    if title_at is None and facts.subject:  # a board post's or an e-mail's title: where the page prints it, or as given
        printed = [i for i, kind in enumerate(kinds) if kind == "candidate" and lines[i].text in facts.subject]
        if not printed:
            return Head(title=facts.subject, figures=[line for line, kind in zip(lines, kinds, strict=True)
                                                      if kind == "figure"])
        title_at = max(printed, key=lambda i: len(lines[i].text))
    if title_at is None:
        title_at = _above_dashed_deck(kinds)
    if title_at is None:
        title_at = _beside_anchor(kinds)
    if title_at is None:
        title_at = next((i for i, kind in enumerate(kinds) if kind == "candidate"), None)
        text_above = any(kind in ("candidate", "standfirst", "other") for kind in kinds[:title_at])
    if title_at is None:
        return Head(figures=[line for line, kind in zip(lines, kinds, strict=True) if kind == "figure"],
                    guessed=any(kind in ("candidate", "other") for kind in kinds))
    labels = [lines[i].text for i in range(title_at) if kinds[i] in ("candidate", "menu")]
    figures = [line for line, kind in zip(lines[title_at:], kinds[title_at:], strict=True) if kind == "figure"]
    kinds[title_at] = "title"
    title = lines[title_at].text
    after = [i for i in range(title_at + 1, len(lines)) if kinds[i] in ("candidate", "standfirst", "dashed")]
    while after and after[0] == _next_text(lines, title_at) and _continues(title, lines[after[0]].text):  # wrapped
        kinds[after[0]] = "title"
        title += " " + lines[after.pop(0)].text
    opening: list[Line] = []
    last = max((i for i, line in enumerate(lines) if line.text), default=-1)
    if (last > title_at and kinds[last] in ("candidate", "menu") and len(lines[last].text.split()) <= 3
            and any(kinds[i] in ("anchor", "furniture") for i in range(title_at + 1, last))):
        opening = [lines[last]]  # "Key findings" over the first paragraph, past the byline: the article's
        after = [i for i in after if i != last]
    deck: list[str] = []
    for index in after:
        dashed = F.DASHED_DECK.match(lines[index].text)
        text = dashed.group("text") if dashed else lines[index].text
        if deck and _continues(deck[-1]) and index - 1 in after:
            deck[-1] += " " + text
            kinds[index] = "deck"
        elif len(deck) < DECK_LINES:
            deck.append(text)
            kinds[index] = "deck"
    return Head(title=title, deck=deck, guessed=text_above, figures=figures + opening, labels=labels)


def _kinds(lines: list[Line], facts: Facts) -> tuple[list[str], list[str]]:
    """What each line above the article is, and the rule (``audit.RULES``) it meets unless the
    headline, the deck or the article takes it."""
    menu = menu_lines(lines)
    kinds: list[str] = []
    rules: list[str] = []
    for index, line in enumerate(lines):
        text = line.text
        if line.figure or (F.CREDIT.search(text) and len(text) <= 400):
            kinds.append("figure")
            rules.append("before-article")
        elif not text:
            kinds.append("blank")
            rules.append("blank")
        elif index in menu or line.boxed:  # a toolbar between the headline and the byline is passed; a menu is not
            kinds.append("furniture" if interface(text) else "menu")
            rules.append("box" if line.boxed else "interface" if interface(text) else "menu")
        elif rule := furniture_line(text, facts) or ("byline" if byline(text, facts) else "") or (
                "rights" if rights_line(text) else ""):
            kinds.append("anchor" if anchor(text) else "furniture")
            rules.append(rule)
        elif F.DASHED_DECK.match(text):
            kinds.append("dashed")
            rules.append("before-article")
        elif line.cells:  # a table above the headline: a press release's contacts and dates, a board post's header
            stamp_dates(" ".join(line.cells), facts)
            furniture_line(text, facts)
            kinds.append("furniture")
            rules.append("header")
        elif _label(text):
            kinds.append("furniture")
            rules.append("label")
        elif 6 <= len(text) <= 160 and not re.search(r"다\.[\"”’)]*$", text):
            kinds.append("candidate")
            rules.append("label")
        elif len(text) <= 320 and (len(text) > 160 or sentence_like(text)):
            kinds.append("standfirst")  # a deck of a sentence or two, never a headline
            rules.append("before-article")
        else:
            kinds.append("other")
            rules.append("before-article")
    filled = [i for i, line in enumerate(lines) if line.text]  # neighbours are the nearest lines with text
    for place, index in enumerate(filled):
        kind, text = kinds[index], lines[index].text
        before, after = filled[place - 1:place] if place else [], filled[place + 1:place + 4]
        introduced = F.INTRODUCER.match(lines[before[0]].text) if before else None
        if introduced and kind != "anchor":  # "NEWS PROVIDED BY" / "Veltrix Networks, Inc."
            kinds[index] = "anchor"
            if introduced.group("publisher"):
                facts.outlets.insert(0, text)
                rules[index] = "masthead"
            else:
                facts.author(text)
                rules[index] = "byline"
        elif (kind in ("candidate", "menu") and F.EN_NAMES_ONLY.match(text) and before
              and (kinds[before[0]] == "candidate" and any(kinds[i] == "anchor" for i in before + after)
                   or after and F.EN_ROLE_LINE.match(lines[after[0]].text))):
            # "Eleanor Whitcombe and Daniel Osei" beside a date, "Fiona Marsh" over "Health correspondent, BBC News"
            kinds[index], rules[index] = "anchor", "byline"
            for name in re.split(r"\s*(?:,(?!\d)|\band\b|&)\s*", text):
                facts.author(F.AFFILIATION_MARK.sub("", name))
        elif F.INTRODUCER.match(text):
            kinds[index], rules[index] = "furniture", "label"
    return kinds, rules


def _label(text: str) -> bool:
    """A breadcrumb, a label in capitals, a series number or a reading time: never a headline."""
    return bool(F.BREADCRUMB.match(text) or F.CAPS_LABEL.match(text) or F.SERIES_LABEL.match(text)
                or F.READING_TIME.match(text))


def _above_dashed_deck(kinds: list[str]) -> int | None:
    """The headline over a deck set between dashes ("- 부제 -"): the nearest line above it."""
    first = next((i for i, kind in enumerate(kinds) if kind == "dashed"), None)
    above = [i for i in range(first or 0) if kinds[i] == "candidate"]
    return above[-1] if first is not None and above else None


def _beside_anchor(kinds: list[str]) -> int | None:
    """The first line of the last group of headline-like lines above the first stamp or byline:
    walking up from it, past toolbars and photos, until a menu or the article's text."""
    first_anchor = next((i for i, kind in enumerate(kinds) if kind == "anchor"), None)
    if first_anchor is None:
        return None
    index = first_anchor - 1
    group: list[int] = []
    while index >= 0 and kinds[index] in ("candidate", "furniture", "figure", "anchor", "blank"):
        if kinds[index] == "candidate":
            group.append(index)
        elif group and kinds[index] == "furniture":
            break
        index -= 1
    return group[-1] if group else None


def _continues(text: str, following: str = "") -> bool:
    """A line that a narrow column broke: it ends on a comma or on a word that needs the next,
    or it and the next are both in Title Case, as one English headline set over two lines."""
    return bool(re.search(r"(?:,|\b(?:the|a|an|and|or|of|to|for|in|on|with|at|by|from|as|its|their|is|are))$", text)
                or following and _title_case(text) and _title_case(following) and not re.search(r"[.:!?]$", text))


def _next_text(lines: list[Line], index: int) -> int | None:
    return next((i for i in range(index + 1, len(lines)) if lines[i].text), None)


def _title_case(text: str) -> bool:
    words = re.findall(r"[A-Za-z][\w’'-]*", text)
    return len(words) >= 2 and sum(word[0].isupper() for word in words if len(word) > 3) >= 0.8 * sum(
        len(word) > 3 for word in words)


def _letters(text: str) -> str:
    return re.sub(r"[\W_]+", "", text).lower()


def menu_lines(lines: list[Line]) -> set[int]:
    """Lines in runs of three or more short lines: a site's menus and link bars."""
    def short(index: int) -> bool:  # a word or two: ten letters of Korean, three words of English
        line = lines[index]
        latin = re.fullmatch(r"[A-Za-z0-9&'’.,:/()+ -]+", line.text) is not None
        return ((len(line.text) <= 10 or latin and len(line.text) <= 24 and len(line.text.split()) <= 3)
                and not line.figure and not anchor(line.text))

    found: set[int] = set()
    for is_short, run in groupby((i for i, line in enumerate(lines) if line.text), key=short):  # blank lines aside
        run = list(run)
        if is_short and len(run) >= 3:
            found.update(run)
    return found


def site_name(facts: Facts, meta: PageMeta, labels: list[str], trailer: str) -> str:
    """Who published the report. The outlet the text names (a dateline, a byline, a masthead)
    first, in the fuller form a rights line gives it ("Yonhap" → "Yonhap News Agency"); then
    the page's ``og:site_name`` (never a portal's); then a masthead line that the rights line
    names; then the rights line's owner, unless it is the author; then a masthead line the
    capture names again after the article ("Thanks for reading Tap & Basin!")."""
    owner = F.OWNER_TAIL.sub("", facts.rights_owner).strip()
    if owner in facts.authors:
        owner = ""
    if facts.outlets:
        named = facts.outlets[0]
        fuller = owner.lower().startswith(named.lower() + " ") or owner.lower().removeprefix("the ") == named.lower()
        return owner if owner and fuller else named
    site = F.SITE_SUFFIX.sub("", meta.site).strip()
    if site and site.replace(" ", "") not in F.PORTALS and not F.PORTAL_SITE.search(site):
        return site[:1].upper() + site[1:]
    for label in labels:  # "Financial Times" in "The Financial Times Limited"; a logo's "HANKYOREH" is "The Hankyoreh"
        if owner and label.lower() in owner.lower() and len(label) > 0.6 * len(owner):
            return owner if label.isupper() else label
    if owner:
        return owner
    return next((label for label in labels if len(label) <= 40 and label in trailer), "")
