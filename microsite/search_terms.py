"""Extra search terms for a page, so Korean words are found by their parts and entities by
their names in other languages — without touching the text that excerpts are cut from.

Pagefind splits Korean on spaces only and matches word prefixes: "반도체" misses
"첨단반도체", "알리바바" misses "텐센트·알리바바", "Nvidia" misses "엔비디아". For each word
of a page this lists the word without its particles and every ending of it two syllables
or longer (첨단반도체 → 단반도체, 반도체, 도체), which prefix matching turns into matches for
any part; and the names in other scripts of the entities the page mentions. The build puts
them in a Pagefind metadata field, which is searched but never shown in excerpts.
"""
from __future__ import annotations

import re

from .entities import Entity
from .mentions import COPULAS, PARTICLES

_ENDINGS = sorted({*PARTICLES, *COPULAS}, key=len, reverse=True)
QUERY_ENDINGS = _ENDINGS  # the search page strips the same endings from query words
_WORD = re.compile(r"[가-힣]+|[A-Za-z][A-Za-z0-9\-]*|\d+[가-힣]*")
MAX_TERMS = 6000


def strip_particles(word: str) -> str:
    """"엔비디아가" → "엔비디아"; at least two syllables are kept."""
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 2:
            return word[: -len(ending)]
    return word


def page_terms(text: str, entities: list[Entity]) -> str:
    terms: dict[str, None] = {}
    for token in _WORD.findall(text):
        if not re.match("[가-힣]", token):
            continue
        stem = strip_particles(token)
        for start in range(0, len(stem) - 1):
            terms[stem[start:]] = None
    for entity in entities:
        for name in (entity.name_en, entity.name, *(alias.text for alias in entity.aliases)):
            for part in re.split(r"[\s·,]+", name or ""):
                if part:
                    terms[part] = None
    return " ".join(list(terms)[:MAX_TERMS])
