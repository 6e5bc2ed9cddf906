"""Attribution: which sentences of a report its original sources (media outlets such as
the WSJ or Reuters) are credited with, and by which words. The language's rules
(``lang/<code>/attribution.py``) read each sentence; this module walks a report's
paragraphs with them and carries a credit to the next sentence only where those rules
say the sentence continues the report (``carries``), never past a paragraph or over a
sentence that names an outlet of its own. Photo captions are left out, as in the chronology."""
from __future__ import annotations

from dataclasses import dataclass

from ..lang.named import Named
from .mentions import Occurrence
from .text import Block


@dataclass(frozen=True)
class Attribution:
    anchor: str  # the block's, "p-3"
    sentence: str
    start: int  # the sentence's offsets in the block's plain text
    end: int
    outlet: str  # the media outlet's entity id
    cue: str  # the words that credit it, as written ("보도에 따르면", "보도했다", "이어" when carried)
    carried: bool = False  # credited by the sentence before, which this one continues


def find_attributions(blocks: tuple[Block, ...], occurrences: tuple[Occurrence, ...], kinds: dict[str, str],
                      rules) -> tuple[Attribution, ...]:
    """Every attributed sentence of a report. *kinds*: each entity's kind by id; *rules*: the
    report's language package."""
    in_block: dict[str, list[Occurrence]] = {}
    for o in occurrences:
        in_block.setdefault(o.anchor, []).append(o)
    found: list[Attribution] = []
    for block in blocks:
        if block.kind == "figure":
            continue
        previous: list[Attribution] = []  # the last sentence's credits, while they may carry on
        for start, end in rules.sentence_spans(block.text):
            raw = block.text[start:end]
            sentence = raw.strip()
            begin = start + len(raw) - len(raw.lstrip())
            named = [Named(o.start - begin, o.end - begin, o.entity, kinds.get(o.entity, ""))
                     for o in in_block.get(block.anchor, ()) if start <= o.start < end]
            credits = [Attribution(block.anchor, sentence, begin, begin + len(sentence), outlet, cue)
                       for outlet, cue in rules.attributed(sentence, named)]
            if not credits and previous and not any(n.kind == "media outlet" for n in named):
                cue = rules.carries(sentence)
                credits = [Attribution(block.anchor, sentence, begin, begin + len(sentence), a.outlet, cue, carried=True)
                           for a in previous] if cue else []
            found += credits
            previous = credits
    return tuple(found)


def credited(attributions: tuple[Attribution, ...]) -> dict[tuple[str, int], str]:
    """The outlet each attributed sentence credits first, by (anchor, sentence start)."""
    first: dict[tuple[str, int], str] = {}
    for a in attributions:
        first.setdefault((a.anchor, a.start), a.outlet)
    return first
