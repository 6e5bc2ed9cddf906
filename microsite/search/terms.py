"""Extra search terms for a page, so Korean words are found by their parts and entities by
their names in other languages — without touching the text that excerpts are cut from.

Pagefind splits Korean on spaces only and matches word prefixes: "반도체" misses
"첨단반도체", "알리바바" misses "텐센트·알리바바", "Nvidia" misses "엔비디아". And it reads
only one index chunk per query word, the one whose word range holds the query word
itself, so words that merely start with it and sit in the next chunk are missed. For
each Korean word of a page this lists every part of the word without its particles that
starts before its last syllable (첨단반도체 → 첨, 첨단, 첨단반, …, 단반도체, 반도체, 도체):
any query that is part of a word then exists as a word of its own, in the chunk the
query reads. The indexer adds them to each page from the text Pagefind reads (see
``search``); the renderer adds the names in other scripts of the entities a page
mentions. Both go into Pagefind metadata fields, which are searched but never shown in
excerpts.
"""
from __future__ import annotations

import functools
import re

from ..content.entities import Entity
from ..lang.ko import ENDINGS, strip_endings

QUERY_ENDINGS = ENDINGS  # the search page strips the same endings from query words
_HANGUL_WORD = re.compile(r"[가-힣]+")
MAX_WORD = 12  # syllables of a word that are split into parts (a longer word keeps its whole form in the text)


@functools.lru_cache(maxsize=65536)
def _parts_of(word: str) -> tuple[str, ...]:
    """Every run of syllables of the word's stem that starts before its last syllable: the
    prefixes of each ending of two syllables or more."""
    stem = strip_endings(word)[:MAX_WORD]
    return tuple(stem[start:end] for start in range(len(stem) - 1) for end in range(start + 1, len(stem) + 1))


def word_parts(text: str) -> str:
    """The parts of every Korean word of *text*, space-separated, each once."""
    parts: dict[str, None] = {}
    for token in _HANGUL_WORD.findall(text):
        parts.update(dict.fromkeys(_parts_of(token)))
    return " ".join(parts)


def entity_names(entities: list[Entity]) -> str:
    """The entities' names and aliases word by word, for a page that mentions them."""
    names: dict[str, None] = {}
    for entity in entities:
        for name in (entity.name_en, entity.name, *(alias.text for alias in entity.aliases)):
            names.update(dict.fromkeys(part for part in re.split(r"[\s·,]+", name or "") if part))
    return " ".join(names)
