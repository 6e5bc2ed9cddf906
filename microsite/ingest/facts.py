"""What a line of a capture says about the report, and whether it is furniture: stamps,
bylines, mastheads, interface lines. Each recogniser records what it reads (authors,
outlets, dates) in ``Facts``. Patterns live in ``furniture.py``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from . import furniture as F


@dataclass(frozen=True)
class DateEvidence:
    """A publication date, or part of one, as the capture prints it."""

    year: int | None
    month: int
    day: int
    source: str  # the text it came from
    updated: bool = False  # an update stamp's: the report is older, and this counts only when nothing else is printed
    stamped: bool = False  # a labelled publication stamp (입력, 작성일, Received …): it wins over a date printed bare


@dataclass
class Facts:
    authors: list[str] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)
    datelines: list[str] = field(default_factory=list)
    dates: list[DateEvidence] = field(default_factory=list)
    rights: str = ""
    rights_owner: str = ""
    subject: str = ""  # what a board post's or an e-mail's header gives as its title

    def author(self, name: str) -> None:
        if name not in self.authors:
            self.authors.append(name)


def furniture_line(text: str, facts: Facts) -> str:
    """A whole line of interface, stamps, credits or mastheads; records what it says. Returns
    the rule that knew it (an id of ``audit.RULES``), or "" for any other line."""
    if F.STAMP_ONLY_LINE.match(text):
        stamp_dates(text, facts)
        return "stamp"
    keyed = F.KEY_VALUE.match(text)
    if keyed:
        key, value = keyed.group("key"), keyed.group("value").strip(" |")
        if key in F.TITLE_KEYS and not facts.subject:
            facts.subject = value
        sender = re.match(r"^([^<>@]{2,40}?)\s*<[^<>]+@[^<>]+>$", value) if key in F.SENDER_KEYS else None
        if sender:  # an e-mail newsletter's sender: its publisher
            facts.outlets.append(sender.group(1).strip())
        date = re.search(F.DATE, value) if key in F.DATE_KEYS else None
        if date:
            facts.dates.append(DateEvidence(int(date.group("y")), int(date.group("m")), int(date.group("d")), text,
                                            stamped=True))
        return "header"
    history = F.ARTICLE_HISTORY.match(text) and F.HISTORY_PUBLISHED.search(text)
    if history:
        facts.dates.append(DateEvidence(int(history.group("y")), F.MONTHS[history.group("mon").lower()[:3]],
                                        int(history.group("d")), text, stamped=True))
        return "stamp"
    if F.RELATIVE_STAMP.match(text) or F.EN_ROLE_LINE.match(text):
        return "stamp" if F.RELATIVE_STAMP.match(text) else "byline"
    bare = F.BARE_STAMP.match(text)
    if bare:
        facts.dates.append(DateEvidence(int(bare.group("y")), int(bare.group("m")), int(bare.group("d")), text))
        return "stamp"
    english_stamp = F.EN_DATE_LINE.match(text)
    if english_stamp:
        found = english_stamp.groupdict()
        month = int(found["m3"]) if found["m3"] else F.MONTHS.get((found["mon"] or found["mon2"] or "")[:3].lower())
        if month:
            facts.dates.append(DateEvidence(int(found["y"] or found["y2"] or found["y3"]), month,
                                            int(found["d"] or found["d2"] or found["d3"]), text,
                                            updated=(found["label"] or "").startswith(("Updated", "Last", "Modified"))))
        return "stamp"
    if interface(text):
        return "interface"
    credited, by, correspondents = F.EN_CREDIT_LINE.match(text), F.EN_BYLINE_NAMES.match(text), F.EN_CORRESPONDENTS.match(text)
    if credited or by or correspondents:
        if credited:  # a sign-off's "Additional reporting by" names helpers: they count only when no byline named anyone
            names = [m.group("names") for m in F.EN_CREDITED.finditer(text)] if not facts.authors else []
        elif by:
            names = [by.group("names")]
        else:  # "Hannah Kwon in Seoul and Peter Ashcombe in Washington", "By Jane Smith in London"
            names = [part.split(" in ")[0] for part in re.split(r",| and ", text.removeprefix("By "))]
        for group in names:
            for name in re.split(r"\s*(?:,|\band\b|&)\s*", group):
                if name.strip():
                    facts.author(name.strip())
        return "byline"
    if F.EMAIL_LINE.match(text):
        return "contact"
    research = F.RESEARCH_CREDIT.match(text)
    if research:
        for name in reporter_names(research.group("names")):
            if not re.fullmatch(F.RESEARCHER, name):
                facts.author(name)
        return "byline"
    contributor = F.CONTRIBUTOR.match(text)
    if contributor:
        facts.author(contributor.group("name"))
        return "byline"
    if F.PRODUCTION_CREDITS.match(text) or F.TOC_LINE.match(text):
        return "credits"
    for pattern in (F.EN_BYLINE, F.OUTLET_NAME_EMAIL):
        match = pattern.match(text)
        if match:
            facts.author(match.group("name"))
            if "outlet" in match.groupdict():
                facts.outlets.append(match.group("outlet"))
            return "byline"
    if masthead(text):
        if text.replace(" ", "") not in F.PORTALS:
            facts.outlets.append(text)
        return "masthead"
    return ""


def sentence_like(text: str) -> bool:
    """Ends like a sentence (a byline, e-mail address or outlet tag glued after it aside), or,
    long enough not to be a headline, like a Korean sentence whose period the capture lost."""
    for glued in (F.GLUED_BYLINE, F.GLUED_EMAIL, F.CLOSING_TAG, F.FOOTNOTE_MARK):
        text = glued.sub("", text)
    ending = (F.SENTENCE_END.search(text)
              or len(text) >= 45 and "…" not in text and F.UNPUNCTUATED_KOREAN_END.search(text))
    return bool(ending) and len(text) >= 5 and " " in text.strip()


def rights_line(text: str) -> bool:
    """A rights notice: short, and opening with the mark or forbidding copying."""
    return len(text) < 200 and bool(F.RIGHTS.search(text))


def opens_box(text: str) -> bool:
    """A label that opens a box of links (related, most read) or the trailer after the article."""
    return bool(F.BOX_LABEL.match(text) or F.TRAILER_START.match(text))


def interface(text: str) -> bool:
    """A site's own words: buttons, toolbars, notices, widgets ("공유하기", "Sign In", "댓글12")."""
    return bool(F.EN_UI_LINE.match(text) or F.UI_NOTICE.match(text) or len(text) <= F.UI_MAX and F.UI_LINE.match(text)
                or widget(text))


def masthead(text: str) -> bool:
    """The outlet's name alone on a line ("한겨레", "SBS 뉴스"): a masthead or a signature."""
    if text in F.KOREAN_OUTLETS or text in F.PORTALS:
        return True
    words = text.split()
    return (len(text) <= 12 and len(words) <= 2 and re.fullmatch(r"[A-Za-z가-힣0-9 ]+", text) is not None
            and F.OUTLET_SUFFIX.search(text.replace(" ", "")) is not None
            and (len(words) == 1 or words[0] in F.KOREAN_OUTLETS or re.fullmatch(r"[A-Z]{2,5}", words[0]) is not None))


def widget(text: str) -> bool:
    if len(text) > 120:
        return False
    words = [_COUNT.sub("", word) for word in _WIDGET_SPLIT.split(text.strip())]  # "댓글12"
    return all(word in F.WIDGET_WORDS or _NUMBER.fullmatch(word) for word in words)


_COUNT = re.compile(r"(?<=\D)[\d,]+$")
_WIDGET_SPLIT = re.compile(r"[\s|·/,>]+")
_NUMBER = re.compile(r"[\d,.:\-]+")


def stamp_dates(text: str, facts: Facts) -> None:
    """Stamps become date evidence; an update stamp's (수정, 최종 수정) is marked as such."""
    for match in F.STAMP.finditer(text):
        label = match.group(0)
        updated = label.startswith(F.UPDATE_LABELS)
        if match.group("y"):
            facts.dates.append(DateEvidence(int(match.group("y")), int(match.group("m")), int(match.group("d")), label,
                                            updated=updated, stamped=not updated))
        else:
            facts.dates.append(DateEvidence(None, int(match.group("pm")), int(match.group("pd")), label, updated=updated))


def reporter_names(text: str) -> list[str]:
    """Reporter names in "홍길동·김철수 기자" or "이윤정 특파원 홍길동 기자" (role words left out)."""
    return [name for name in re.findall(F.NAME, text) if not re.fullmatch(F.ROLE, name)]


def byline(text: str, facts: Facts) -> bool:
    """A line that only says who wrote the report (and maybe where, when, which outlet)."""
    if len(text) > 90 or F.SENTENCE_END.search(text) and not re.search(F.EMAIL + r"\W*$", text):
        return False
    text = re.sub(rf"(?<=[가-힣])(?={F.ROLE}(?![가-힣]))", " ", text)  # "정유나기자": the role glued to the name
    match = F.BYLINE_LINE.match(text)
    if not match or not re.search(F.ROLE, match.group("names")):
        return False
    rest = match.group("rest").strip()
    if rest and not F.STAMP_ONLY_LINE.match(rest) and not re.fullmatch(F.DATE_UNNAMED + F.TIME + r"\.?", rest):
        return False
    for name in reporter_names(match.group("names")):
        facts.author(name)
    pre = match.group("pre") or ""
    if match.group("outlet") or (pre and F.OUTLET_SUFFIX.search(pre)):
        facts.outlets.append(match.group("outlet") or pre)
    elif pre:
        facts.datelines.append(pre)
    if F.STAMP_ONLY_LINE.match(rest):
        stamp_dates(rest, facts)
    elif rest:
        date = re.search(F.DATE, rest)
        facts.dates.append(DateEvidence(int(date.group("y")), int(date.group("m")), int(date.group("d")), "입력 " + rest,
                                        stamped=True))
    return True


@lru_cache(maxsize=1 << 16)
def furniture_or_byline(text: str) -> str:
    """Whether a line is furniture or a byline, without recording what it says (a line is
    weighed, then read, then maybe looked at again beside a headline: it is judged once)."""
    scratch = Facts()
    return furniture_line(text, scratch) or ("byline" if byline(text, scratch) else "")


@lru_cache(maxsize=1 << 16)
def anchor(text: str) -> bool:
    """A stamp or a byline: what stands next to a headline."""
    scratch = Facts()
    return bool(F.STAMP_ONLY_LINE.match(text) or F.EN_DATE_LINE.match(text) or F.BARE_STAMP.match(text)
                or F.RELATIVE_STAMP.match(text) or F.ARTICLE_HISTORY.match(text) or F.EN_ROLE_LINE.match(text)
                or F.KEY_VALUE.match(text) and F.KEY_VALUE.match(text).group("key") in F.DATE_KEYS
                or byline(text, scratch) or F.EN_BYLINE_NAMES.match(text) or F.EN_CORRESPONDENTS.match(text)
                or F.OUTLET_NAME_EMAIL.match(text) or F.RESEARCH_CREDIT.match(text) or F.CONTRIBUTOR.match(text))
