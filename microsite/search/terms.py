"""The words a page is found by (the search contract, README "Search"), given to Pagefind as
one hidden metadata field so that each is a whole key an exact lookup can hit.

Pagefind splits text on spaces only and keeps a word's letters and digits, lower-cased:
"엔비디아가" is one key, "텐센트·알리바바" another, and "반도체" is not a key of a page
that only says "첨단반도체". So every word of a page adds, besides itself, the runs of one
script it is made of (텐센트, 알리바바; h20 and 칩 of "H20칩"), its stem without particles
and the nouns of a compound, as the archive's ``Lexicon`` knows them, and the names in
other languages of the entities it mentions. A prefix or a lone syllable of a word is
never added, so a word that is nowhere finds nothing.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable

from ..content.entities import Entity
from ..lang.ko.lexicon import Lexicon

_RUN = re.compile(r"[가-힣]+|[^\W_가-힣]+")  # one script: Hangul, or other letters and digits
_ASCII_PUNCTUATION = re.compile(r"[!-/:-@\[-`{-~]")


@functools.lru_cache(maxsize=1 << 18)
def _key(piece: str) -> str:
    """A piece of text as Pagefind keys it: letters and digits only, lower-cased, accents dropped."""
    word = "".join(char for char in piece if char.isalnum()).lower()
    if word and not word.isascii():
        word = "".join(char for char in unicodedata.normalize("NFD", word) if unicodedata.category(char) != "Mn")
        word = unicodedata.normalize("NFC", word)
    return word


def words(text: str) -> list[str]:
    """The words of *text* as Pagefind keys them: split on spaces ("Café," → "cafe")."""
    return [word for word in map(_key, text.split()) if word]


def positions(text: str) -> list[set[str]]:
    """The keys at each position of *text*, for finding a phrase as Pagefind does: every
    piece between spaces takes a position, even one of punctuation only (which has no key),
    and a piece with ASCII punctuation in it is keyed by its parts too ("대학교(Sichuan" →
    대학교sichuan, 대학교, sichuan)."""
    found = []
    for piece in text.split():
        keys = {_key(piece)}
        if _ASCII_PUNCTUATION.search(piece):
            keys.update(_key(part) for part in _ASCII_PUNCTUATION.sub(" ", piece).split())
        found.append(keys - {""})
    return found


@functools.lru_cache(maxsize=1 << 18)
def runs(piece: str) -> tuple[str, ...]:
    """The runs of one script a piece of text is made of, keyed: "H20칩을" → h20, 칩을;
    "텐센트·알리바바" → 텐센트, 알리바바."""
    return tuple(run for segment in re.findall(r"[^\W_]+", piece) for run in _RUN.findall(_key(segment)))


def _pieces(text: str) -> list[tuple[str, tuple[str, ...]]]:
    """Each word of *text* (as ``words``) with its runs."""
    return [(word, runs(piece)) for piece in text.split() if (word := _key(piece))]


def lexicon_of(texts: Iterable[str]) -> Lexicon:
    """The lexicon of an archive whose pages (with the entity names they carry) are *texts*."""
    vocabulary: set[str] = set()
    for text in texts:
        for word, pieces in _pieces(text):
            vocabulary.add(word)
            vocabulary.update(pieces)
    return Lexicon(vocabulary)


def page_terms(text: str, lexicon: Lexicon) -> list[str]:
    """Every word *text* is found by, each once, in the order they first occur."""
    terms: dict[str, None] = {}
    for word, pieces in _pieces(text):
        for piece in (word, *pieces) if len(pieces) > 1 else (word,):
            terms.update(dict.fromkeys(lexicon.terms(piece)))
    return list(terms)


def _name_forms(entity: Entity) -> list[str]:
    return [form for form in (entity.name_en, entity.name, *(alias.text for alias in entity.aliases)) if form]


def name_keys(entity: Entity) -> list[str]:
    """Each form of the entity's name as a one-word query keys it ("Baidu" → baidu), for the
    search page to put the entity a query names first."""
    return sorted({"".join(words(form)) for form in _name_forms(entity)} - {""})


def entity_names(entities: list[Entity]) -> str:
    """The entities' names and aliases, for a page that mentions them."""
    names: dict[str, None] = {}
    for entity in entities:
        for name in _name_forms(entity):
            names.update(dict.fromkeys(part for part in re.split(r"[\s·,]+", name) if part))
    return " ".join(names)
