"""Which media outlets an English sentence credits, and by which words (the cues; see
``lang/ko/attribution.py`` for the rule they follow): "according to Reuters", "citing /
quoting the Financial Times", "reported by Bloomberg", "Reuters reported / said / found",
"a Reuters report said", "told Reuters"; outlets joined by "and" or a comma share a cue.
Naming an outlet is not crediting it ("Reuters is a news agency").

A sentence that names no outlet carries the previous sentence's credit when it refers
back to it as the one who reports: "The newspaper also reported …", "It added …", "…,
the agency said."."""
from __future__ import annotations

import re

from ..named import Named

_VERBS = r"(?:reported|reports|said|says|wrote|writes|found|revealed|noted|added|cited|quoted)"
_BEFORE = re.compile(r"(?:\baccording\s+to|\bciting|\bquoting|\bcited\s+by|\bquoted\s+by|\breported\s+by|\btold|"
                     r"\bin\s+an?\s+interview\s+with)\s+(?:(?:a|an|the)\s+)?(?:(?:report|story|article|investigation)s?"
                     r"\s+(?:by|from|in)\s+)?(?:the\s+)?$", re.I)
_AFTER = re.compile(rf"^(?:['’]s?)?(?:\s+(?:report|story|article|investigation|analysis))?"
                    rf"(?:\s+(?:has|had|also|first|earlier|previously|on\s+\w+))*\s+{_VERBS}\b", re.I)
_JOINED = re.compile(r"^(?:,\s*|\s+and\s+|,\s+and\s+)(?:the\s+)?", re.I)
_CONTINUES = re.compile(rf"^(?:The\s+(?:newspaper|paper|agency|outlet|report|magazine|publication)|It)\s+"
                        rf"(?:also\s+)?{_VERBS}\b|,\s+(?:the\s+)?(?:newspaper|paper|agency|outlet|report|magazine)\s+"
                        rf"(?:also\s+)?{_VERBS}[.!?\"”]*$")


def attributed(sentence: str, named: list[Named]) -> list[tuple[str, str]]:
    """The outlets *sentence* credits, in order, each once: (entity id, the cue as written)."""
    outlets = sorted((n for n in named if n.kind == "media outlet"), key=lambda n: n.start)
    cues: dict[int, str] = {}
    for position, n in enumerate(outlets):  # left to right: "according to Reuters and Bloomberg"
        before = _BEFORE.search(sentence[:n.start])
        joined = position and _JOINED.fullmatch(sentence[outlets[position - 1].end:n.start])
        if before:
            cues[position] = before.group(0).strip()
        elif joined and position - 1 in cues:
            cues[position] = cues[position - 1]
    for position in range(len(outlets) - 1, -1, -1):  # right to left: "Reuters and Bloomberg reported"
        n = outlets[position]
        after = _AFTER.match(sentence[n.end:])
        joined = position + 1 < len(outlets) and _JOINED.fullmatch(sentence[n.end:outlets[position + 1].start])
        if position not in cues and after:
            cues[position] = after.group(0).strip(" '’")
        elif position not in cues and joined and position + 1 in cues:
            cues[position] = cues[position + 1]
    found: dict[str, str] = {}
    for position, cue in sorted(cues.items()):
        found.setdefault(outlets[position].entity, cue)
    return list(found.items())


def carries(sentence: str) -> str:
    """The words by which a sentence that names no outlet continues the report of the one before it, or ""."""
    match = _CONTINUES.search(sentence)
    return match.group(0).strip(" ,.!?\"”") if match else ""
