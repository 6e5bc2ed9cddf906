"""What a language's headline rules are told of a sentence besides its words: the entities
it names, where, and of what kind (an actor, a place, an outlet)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Named:
    start: int  # offsets in the sentence
    end: int
    entity: str  # the entity's id
    kind: str  # "company", "person", "media outlet", …
