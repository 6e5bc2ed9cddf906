"""What the archive's own words say about a Korean word: its stem without particles, and
the nouns a compound is made of. No dictionary: a stem counts when the archive knows it
(it stands alone somewhere, names an entity, or is seen before a case particle), and a
compound splits only into words the archive knows, the last a noun (seen before a case
particle: the head of a Korean compound is its last noun). So "엔비디아가" has the stem
"엔비디아", "첨단반도체" the parts "첨단" and "반도체", but "바이든" is never "바이",
"제공하고" is not 제공 + 하고, and "호주머니" never holds "호주" unless "머니" is a noun of
the archive too. A compound whose parts never stand alone in the archive ("대형언어모델"
where "모델" is always part of it) stays whole.
"""
from __future__ import annotations

import functools
from collections.abc import Iterable

from .grammar import VERB_FINALS, noun_before_particle, strip_endings

MIN_COMPOUND = 4  # syllables: a shorter word is not split


class Lexicon:
    def __init__(self, words: Iterable[str], names: Iterable[str] = ()):
        """*words*: the archive's words (lower-case, without punctuation); *names*: the
        entities' names and aliases, word by word."""
        seen, named = set(words), set(names)
        before_particles = {noun_before_particle(word) for word in seen} - {""}
        self._stems = seen | named | before_particles
        self._nouns = named | before_particles
        self._parts = self._nouns | {word for word in seen if len(word) >= 2 and word[-1] not in VERB_FINALS}

    def stem(self, word: str) -> str:
        """The word without its particles or copula, if the archive knows that stem; else ""."""
        stem = strip_endings(word)
        return stem if stem != word and stem in self._stems else ""

    @functools.lru_cache(maxsize=262144)  # noqa: B019 (one lexicon per build)
    def parts(self, word: str) -> tuple[str, ...]:
        """The words (two syllables or more) a Hangul compound is made of, the last a noun,
        fewest first; () when the word does not split so."""
        if len(word) < MIN_COMPOUND or not all("가" <= char <= "힣" for char in word):
            return ()
        best: list[tuple[str, ...] | None] = [()] + [None] * len(word)
        for end in range(2, len(word) + 1):
            known = self._nouns if end == len(word) else self._parts
            for start in range(end - 2, -1, -1):
                piece, before = word[start:end], best[start]
                if before is None or (start == 0 and end == len(word)) or piece not in known:
                    continue
                if best[end] is None or len(before) + 1 < len(best[end]):
                    best[end] = (*before, piece)
        return best[-1] or ()

    @functools.lru_cache(maxsize=262144)  # noqa: B019
    def terms(self, word: str) -> tuple[str, ...]:
        """Everything the word is found by, the word first: itself, its stem, and every run
        of the parts of either ("대형언어모델을" → 대형언어모델을, 대형언어모델, 대형, 대형언어,
        언어, 언어모델, 모델)."""
        stem = self.stem(word)
        parts = self.parts(stem or word)  # a word with its particles is no compound of them
        found = dict.fromkeys((word, stem) if stem else (word,))
        found.update(dict.fromkeys("".join(parts[i:j]) for i in range(len(parts)) for j in range(i + 1, len(parts) + 1)))
        return tuple(found)
