"""Which media outlets a Korean sentence credits, and by which words: the one home of the
cues (``model.attribution`` reads every sentence with them; the chronology's sources and
the headlines' reporting frame use them too).

An outlet is credited when the sentence says the words are its report, not when it is
merely named ("로이터는 영국 통신사다", "WSJ 기자 출신인 그는 …"):

- "X에 따르면", "X 보도에 따르면", "X의 보도에 따르면";
- "X(의 보도)를 인용해";
- X as the topic (은/는/도), or the subject (이/가) when no other topic comes before it, of a
  sentence that ends in a reporting verb ("…고 보도했다", "전했다", "밝혔다", "전망했다");
- X told ("대변인은 로이터에 …고 밝혔다"): X with 에/에게 in a sentence that ends in a
  verb of saying;
- "X와 Y에 따르면": every outlet joined to a credited one by 와/과/·/, shares its cue.

A sentence that names no outlet carries the previous sentence's credit only when it
continues that report in the same paragraph in so many words: it opens with a
continuation ("이어", "또", "아울러", "그러면서") or refers back to the outlet ("이 신문은",
"이 매체는"), and ends in a reporting verb with no speaker of its own ("…고 전했다")."""
from __future__ import annotations

import re

from ..named import Named

# Verbs that report: the outlet's own words, or what it found.
_REPORTING = r"(?:보도|소개|지적|전망|분석|설명|주장|보고|발견|확인|입수|폭로|추산|예상|평가|강조)(?:했|하였|한)다|(?:전했|밝혔|덧붙였)다"
_SAYING = r"(?:말했|밝혔|전했|설명했|강조했|답했|언급했)다"
_END = r"(?:[.!?\"'”’)]*)\s*$"
REPORTED = re.compile(r"보도|따르면|전했|인용|알려졌|전해졌")  # words of a reporting frame, as the headlines set it apart
_ACCORDING = re.compile(r"(?:의)?\s?(?:(?:보도|기사|보고서|분석|조사|취재)(?:\s?내용)?)?에\s?따르면")
_CITING = re.compile(r"(?:의)?\s?(?:(?:보도|기사|보고서)(?:을|를)|을|를)\s?인용(?:해|하여|한)")
_TOPIC = re.compile(r"(?:은|는|이|가|도)\s")
_TOLD = re.compile(r"(?:에|에게)\s(?!따르면|대해|대한|대하여|관해|관한)")
_JOINED = re.compile(r"(?:와|과|및|,|·)\s?")
_REPORTS = re.compile(rf"(?:{_REPORTING}){_END}")
_SAYS = re.compile(rf"(?:{_SAYING}){_END}")
_OTHER_TOPIC = re.compile(r"[가-힣A-Za-z0-9)]+(?:은|는)\s")
_CONTINUES = re.compile(r"^(?:이어|또|또한|아울러|그러면서|이와\s?함께|이\s?(?:신문|매체|통신|방송|잡지)(?:은|는)|"
                        r"(?:같은\s)?(?:신문|매체|통신)(?:은|는))\s")
_CONTINUED_REPORT = re.compile(rf"(?:고|며|라고|다고)\s(?:{_REPORTING}){_END}")


def attributed(sentence: str, named: list[Named]) -> list[tuple[str, str]]:
    """The outlets *sentence* credits, in order, each once: (entity id, the cue as written)."""
    outlets = sorted((n for n in named if n.kind == "media outlet"), key=lambda n: n.start)
    cues: dict[int, str] = {}
    for position in range(len(outlets) - 1, -1, -1):  # right to left: "X와 Y에 따르면" takes Y's cue
        n = outlets[position]
        after = sentence[n.end:]
        cue = _cue(sentence, n, after)
        joined = _JOINED.match(after)
        if not cue and joined and position + 1 < len(outlets) and outlets[position + 1].start == n.end + joined.end():
            cue = cues.get(position + 1, "")
        if cue:
            cues[position] = cue
    found: dict[str, str] = {}
    for position, cue in sorted(cues.items()):
        found.setdefault(outlets[position].entity, cue)
    return list(found.items())


def _cue(sentence: str, n: Named, after: str) -> str:
    for pattern in (_ACCORDING, _CITING):
        match = pattern.match(after)
        if match:
            return match.group(0).strip()
    if _TOPIC.match(after):
        if after[0] in "이가" and _OTHER_TOPIC.search(sentence[:n.start]):
            return ""  # "대변인은 WSJ가 잘못 보도했다고 밝혔다": the speaker is the topic, not the outlet
        verb = _REPORTS.search(sentence)
        return verb.group(0).rstrip(".!?\"'”’) ") if verb else ""
    if _TOLD.match(after):
        verb = _SAYS.search(sentence)
        return verb.group(0).rstrip(".!?\"'”’) ") if verb else ""
    return ""


def carries(sentence: str) -> str:
    """The words by which a sentence that names no outlet continues the report of the one
    before it ("이어 … 전했다" → "이어"), or ""."""
    opener = _CONTINUES.match(sentence)
    return opener.group(0).strip() if opener and _CONTINUED_REPORT.search(sentence) else ""
