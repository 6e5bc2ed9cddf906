"""A chronology headline from an English sentence: the clause that holds the date, without
the date, the reporting frame ("according to Reuters", "…, the company said") and the
openers, whole words only. English already reads subject–verb–object, so the clause is
the headline; its subject, when it names an entity, is the actor.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..named import Named

LIMIT = 90  # characters; a longer clause ends at its last comma or "and" within the limit
_OPENERS = re.compile(r"^(?:However|Meanwhile|In addition|Separately|Earlier|Later|Also|Still|Instead|Yet|But|And|So|"
                      r"Today|Now|Then|Last|Previously)\b,?\s+", re.I)
_ACCORDING = re.compile(r"(?:,\s*|\s+)according\s+to\s+[^,.;]+(?=[,.;]|$)|^According\s+to\s+[^,]+,\s*", re.I)
_SAID_AFTER = re.compile(r",\s*(?:the\s+|a\s+)?[\w.’'&\- ]{1,60}?\s+(?:said|says|reported|reports|told\s+[^,.]+|"
                         r"announced|added|noted)(?:\s+on\s+\w+)?\s*[.!?]?$", re.I)
_SAID_BEFORE = re.compile(r"^(?P<who>[A-Z][\w.’'&\- ]{1,60}?)\s+(?:said|reported|announced|told\s+[\w ]+?)\s+(?:that\s+)?"
                          r"(?=(?:it|they|he|she|the|a|an)\b|[A-Z])")
_CLAUSES = re.compile(r";\s+|,\s+(?:and|but|while|whereas|citing|saying|adding)\s+")  # not "which": it needs its noun
_QUOTED = re.compile(r"[“\"]([^”\"]+)[”\"]")
_DATELINE = re.compile(r"^[A-Z][A-Z.’' -]{1,40},[^-–—(]{0,40}(?:\([^)]{1,30}\))?\s*[-–—]+\s*")
_ASIDE = re.compile(r",\s(?:which\s|who\s)?[^,;]{1,60},\s")  # ", first issued in October 2022, "
_PHRASE_START = re.compile(r"\s(?=(?:on|in|for|to|of|with|at|from|by|as)\s)")
_LEAD_IN = re.compile(r"(?:^|\s)(?:on|in|at|by|since|from|during|for|until|as\s+of|around|about|of|between)\s*$", re.I)
_DANGLING = re.compile(r"\s+(?:on|in|at|by|since|from|during|for|until|as\s+of|around|about|of|the|and|to|early|late|mid)"
                       r"\s*$", re.I)


@dataclass(frozen=True)
class Headline:
    text: str
    actors: tuple[str, ...]  # entity ids


def headline(sentence: str, date: tuple[int, int], named: list[Named]) -> Headline:
    """*date*: where the date expression stands in *sentence*; *named*: the entities in it."""
    start, end = date
    quoted = next((m for m in _QUOTED.finditer(sentence) if m.start(1) <= start < m.end(1)), None)
    if quoted:  # a date inside words said dates what they say
        offset = quoted.start(1)
        sentence, start, end = quoted.group(1), start - offset, end - offset
        named = [Named(n.start - offset, n.end - offset, n.entity, n.kind) for n in named
                 if offset <= n.start < offset + len(sentence)]
    dateline = _DATELINE.match(sentence)
    if dateline and dateline.end() <= start:
        sentence, start, end = sentence[dateline.end():], start - dateline.end(), end - dateline.end()
        named = [Named(n.start - dateline.end(), n.end - dateline.end(), n.entity, n.kind) for n in named
                 if n.start >= dateline.end()]
    aside = next((m for m in _ASIDE.finditer(sentence) if m.start() < start and end <= m.end()), None)
    if aside:  # "The talks, which had been set for Feb. 20, were cancelled": the talks were cancelled
        removed = aside.end() - aside.start() - 1
        sentence = sentence[:aside.start()] + " " + sentence[aside.end():]
        named = [n if n.start < aside.start() else Named(n.start - removed, n.end - removed, n.entity, n.kind)
                 for n in named if not aside.start() <= n.start < aside.end()]
        start = end = aside.start()
    lead = _LEAD_IN.search(sentence[:start])  # "on Jan. 13": the preposition goes with its date
    before = sentence[:lead.start()] if lead else sentence[:start]
    after = sentence[end:].lstrip(" ")
    before = before.rstrip(" ,")
    text = (before + (after if after.startswith((",", ";", ".")) else " " + after)).strip()
    at = len(before)
    clause_start, clause_end = 0, len(text)
    for match in _CLAUSES.finditer(text):
        if match.end() <= at:
            clause_start = match.end()
        elif match.start() >= at:
            clause_end = match.start()
            break
    clause = text[clause_start:clause_end]
    for pattern in (_ACCORDING, _SAID_AFTER):
        clause = pattern.sub("", clause)
    said = _SAID_BEFORE.match(clause)
    if said and any(n.kind == "media outlet" and said.group("who").endswith(sentence[n.start:n.end]) for n in named):
        clause = clause[said.end():]  # "Reuters reported that …": the report is the source, its story the event
    clause = _OPENERS.sub("", clause.strip()).strip(" ,.;:")
    if len(clause) > LIMIT:  # end at a comma, "and" or a preposition: a whole phrase, not a cut-off word
        cut = max(clause.rfind(", ", 0, LIMIT), clause.rfind(" and ", 0, LIMIT))
        if cut <= LIMIT // 2:
            cut = max((m.start() for m in _PHRASE_START.finditer(clause, 0, LIMIT)), default=-1)
        clause = clause[:cut] if cut > LIMIT // 2 else clause[:clause.rfind(" ", 0, LIMIT)]
    clause = _DANGLING.sub("", clause).strip(" ,.;:")
    if not clause:
        clause = sentence.strip(" .")
    first_words = clause.split()[:4]
    actors = tuple(dict.fromkeys(n.entity for n in named if n.kind not in ("place", "media outlet")
                                 and sentence[n.start:n.end] in " ".join(first_words)))
    return Headline(clause[0].upper() + clause[1:], actors)
