"""A chronology headline from a Korean sentence: who — did what, as a news headline
writes it ("미국 — 중국 전용 H20 칩 수출 제한"), never a cut-off sentence.

The sentence's structure is read from its words, without a parser: the reporting frame
("WSJ에 따르면", "…고 보도했다") is set aside, the clause that holds the date is kept
(clauses end at "…고", "…며", "…이후"), its subject (a word with 이/가/은/는, or the
sentence's topic) is the actor, and its last word the action, a verbal noun where there
is one (제한한 → 제한). What stands between them, without adverbs and particles, is the
object, kept whole-word within a budget.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..named import Named
from ..sentences import sentence_spans
from .attribution import REPORTED
from .grammar import CASE_PARTICLES

OBJECT_BUDGET = 26  # characters of the object phrase
QUOTE_LIMIT = 40  # characters of words said, quoted whole or not at all
_OPENERS = re.compile(r"^(?:그럼에도\s?(?:불구하고)?|실제로|한편|이어|또한?|특히|다만|이에|이와\s?관련해|이번에|앞서|"
                      r"조사\s?결과|당시|결국|이후|그러나|하지만|아울러|이밖에|게다가)\s+")
# "X에 따르면", "X 보도에 따르면", "X은 소식통을 인용해": who reports it, not who did it.
_SOURCE_FRAMES = re.compile(r"^(?:[^\s]+\s){0,4}?[^\s]*(?:에\s?따르면|인용해|인용한\s[^\s]+에\s?따르면)\s+")
_CLOSING_FRAMES = re.compile(
    r"(?:(?:이|라)?(?:고|며)\s?(?:[^\s]+\s){0,3}?(?:보도|전|밝|말|설명|강조|주장|발표|공시|덧붙|지적|예상|분석|평가)[^\s]*"
    r"|(?:인|한|된|는|ㄴ)?\s?것으로\s?(?:알려|전해|나타|파악|확인|보이|관측|예상)[^\s]*"
    r"|(?:이)?라는\s?(?:분석|지적|관측|평가|전망|설명)이?다"
    r"|\s?바\s?있다|\s?상황이다|\s?양상이다|\s?셈이다)[.!?\"'”’]*$")
# Clause endings; 고 and 자 only after a verb's stem or tense (했고, 하자), since nouns end so too
# (신고, 투자); and a clause made a noun ("…이 거론된 것에 대한"): a date inside it dates that.
_CLAUSE_ENDS = re.compile(r"(?:(?:(?<=[하되했됐었았였이있없않받났졌왔갔줬쳤켰렸냈])고(?!\s?있)|(?<=[가-힣])(?:며|면서|지만|으나|는데|"
                          r"음에도|에도\s불구하고)|(?<=[하되이])자)\s|,\s|\s(?:이후|뒤|가운데|동시에|데\s이어)\s|"
                          r"(?<=[된한던는은])\s(?=것))")
_PARENTHESES = re.compile(r"\s?\([^()]*\)|\s?\[[^\]]*\]")
# "6일 예정된 옐런 장관 방중에서": a date that only fixes the time of the thing named after it.
# "2022년 9월에 금지된 A100과 …": what was done to the thing named after it (A100 금지).
_DATED_THING = re.compile(r"\s?(?:로|으로|에|부터|에는)?\s?(?:(?P<scheduled>예정된|예정인|예정이던|열리는|열릴|개최되는|개최될)|"
                          r"(?P<done>[가-힣]{2,}?)(?:된|한|했던|됐던))\s(?P<thing>(?:[^\s,]+\s){0,5}[^\s,]+)")
_QUOTED = re.compile(r"[“\"]([^”\"]*)(?:[”\"]|$)")
_SAID = re.compile(r"(?:이|라)?\s*$|(?:이)?라?(?:고|며|면서)(?:\s|$)")
_ADVERBS = frozenset("추가로 일방적으로 이미 다시 새로 또 잇달아 공식적으로 본격적으로 처음으로 전격 사실상 최근 "
                     "각각 모두 함께 직접 적극 먼저 곧 앞으로 일제히 대거 별도로 독자적으로 일부 결국 여전히".split())
# A verbal noun and the ending that makes it a verb: 제한+한, 시행+된, 금지+됐다, 검토+중이라고.
_VERBAL = re.compile(r"^(?P<noun>[가-힣A-Za-z0-9·]{2,}?)(?P<end>하기로\s?했다|하기로|하였다|되었다|했다|됐다|한다|된다|했으며|했고|"
                     r"하고|되고|하며|되며|했던|됐던|하는|되는|한|된|할|될|해|돼|하려던|하려는|했|됐|하|되|)$")
_CONNECTIVE = re.compile(r"(?:음에도|는데도|는데|지만|으나|면서|고|며|자)$")
_COPULA_NOUNS = re.compile(r"^(?P<noun>중|계획|방침|예정|전망|목표|상황|입장)(?:이|이다|이라|인)?$")


@dataclass(frozen=True)
class Headline:
    text: str
    actors: tuple[str, ...]  # entity ids


def headline(sentence: str, date: tuple[int, int], named: list[Named]) -> Headline:
    """*date*: where the date expression stands in *sentence*; *named*: the entities in it."""
    sentence, date, named = _narrowed(sentence, date, named)
    dated = _dated_thing(sentence, date[1], named)
    if dated:
        return dated
    text, date_at, named = _without(sentence, date, named)
    text, date_at, named, reported = _trimmed(text, date_at, named)
    clause_start, clause_end = _clause(text, date_at)
    clause = text[clause_start:clause_end]
    inside = [n for n in named if clause_start <= n.start < clause_end]
    actor_text, actors, object_start, actor_start = _actor(text, clause_start, clause_end, inside, named, reported)
    said = _QUOTED.search(text, object_start)
    if said and not _SAID.match(text[said.end():]):
        said = None  # a name in quotation marks, not words said
    if said and actor_text and len(said.group(1)) <= QUOTE_LIMIT:  # the speaker and the words
        return Headline(f"{actor_text}: “{said.group(1).rstrip('. ')}”", actors)
    if said and actor_text:  # too long to quote whole: where the speaker said it
        before = text[object_start:said.start()].split()
        return Headline(f"{actor_text} — {_object(before)} 발언".replace(" —  ", " — "), actors)
    words = text[object_start:clause_end].split()
    if not words:
        return Headline(clause.strip(" ,"), actors)
    if words[-1] in ("있다", "있었다", "있는") and len(words) > 1 and words[-2].endswith("고"):
        words = [*words[:-2], words[-2][:-1]]  # 제공하고 있다: 제공하
    action = _action(words[-1], words[-2] if len(words) > 1 else "")
    if action.endswith(" 중"):  # 검토 중: both words are the action
        words = words[:-1]
    obj = _object(words[:-1])
    before = text[clause_start:actor_start].split()
    if not obj and before and before[-1].endswith(("에서", "에")):  # "EU 정상회의에서 디리스킹이 거론된": where, before who
        first = len(before) - 1
        while first > 0 and _bare(before[first - 1]):
            first -= 1
        obj = " ".join(before[first:])
    body = f"{obj} {action}".strip()
    return Headline(f"{actor_text} — {body}" if actor_text else body, actors)


def _dated_thing(sentence: str, date_end: int, named: list[Named]) -> Headline | None:
    """A date that only dates the thing named after it (up to the word with a particle):
    "6일 예정된 재닛 옐런 미 재무장관 방중에서" heads as the thing, "2022년 9월에 금지된
    A100과 …" as the thing and what was done to it (A100 금지)."""
    match = _DATED_THING.match(sentence, date_end)
    if not match or match.group("done") in ("예정", "계획"):  # "예정됐던 접견을 취소했다": the sentence's verb says more
        return None
    thing: list[str] = []
    for word in match.group("thing").split():  # up to a particle, but 의 (옐런 장관의 방중) or a name (왕이)
        thing.append(word)
        if _without_particle(word) != word and not word.endswith("의") and (thing[:-1] or not word.endswith(("이", "가"))):
            break
    thing[-1] = _without_particle(thing[-1])
    start, end = match.start("thing"), match.start("thing") + len(" ".join(thing))
    done = f" {match.group('done')}" if match.group("done") else ""
    return Headline(" ".join(thing) + done, tuple(dict.fromkeys(n.entity for n in named if start <= n.start < end
                                                         and n.kind not in ("place", "media outlet"))))


def _narrowed(sentence: str, date: tuple[int, int], named: list[Named]
              ) -> tuple[str, tuple[int, int], list[Named]]:
    """A date inside quoted words dates what they say ("지난해 말부터 … 늘었다"): the quoted
    sentence that holds it."""
    for match in _QUOTED.finditer(sentence):
        if match.start(1) <= date[0] < match.end(1):
            a, b = match.span(1)
            for start, end in sentence_spans(match.group(1)):
                if a + start <= date[0] < a + end:
                    a, b = a + start, a + end
                    break
            inside = [Named(n.start - a, n.end - a, n.entity, n.kind) for n in named if a <= n.start < b]
            return sentence[a:b], (date[0] - a, date[1] - a), inside
    return sentence, date, named


def _cut(text: str, a: int, b: int, at: int, named: list[Named]) -> tuple[str, int, list[Named]]:
    """*text* without [a, b), with position *at* and the entities' places kept in step."""
    width = b - a
    at = at - width if at >= b else (a if at > a else at)
    named = [Named(n.start - width if n.start >= b else n.start, n.end - width if n.start >= b else n.end, n.entity, n.kind)
             for n in named if not a <= n.start < b]
    return text[:a] + text[b:], at, named


def _without(sentence: str, date: tuple[int, int], named: list[Named]) -> tuple[str, int, list[Named]]:
    """The sentence without the date expression (its place kept) and what follows it
    ("4월부터" → "")."""
    start, end = date
    tail = re.match(r"(?:\(현지\s?시[간각]\))?(?:부터|까지|께|에는|에도|에|중|로|으로|의|은|는)?\s?", sentence[end:])
    return _cut(sentence, start, end + (tail.end() if tail else 0), start, named)


def _trimmed(text: str, date_at: int, named: list[Named]) -> tuple[str, int, list[Named], bool]:
    """Without parentheses, openers, the reporting frame and a closing full stop, positions
    kept in step; and whether the frame was an outlet's report ("…고 보도했다")."""
    while (match := _PARENTHESES.search(text)) is not None:
        text, date_at, named = _cut(text, *match.span(), date_at, named)
    for pattern in (_OPENERS, _SOURCE_FRAMES, _OPENERS):
        match = pattern.match(text)
        if match and match.end() < len(text) - 4:
            text, date_at, named = _cut(text, *match.span(), date_at, named)
    match = _CLOSING_FRAMES.search(text)
    reported = bool(match and match.start() > 4 and REPORTED.search(match.group(0)))
    if match and match.start() > 4:
        text, date_at, named = _cut(text, *match.span(), date_at, named)
    quoted = _QUOTED.fullmatch(text.strip())
    if quoted:  # a sentence that is all quotation: the quoted words
        offset = text.index(quoted.group(1))
        text, date_at = quoted.group(1), max(0, date_at - offset)
    text = text.rstrip(" .!?")
    return text, min(date_at, len(text)), named, reported


def _clause(text: str, at: int) -> tuple[int, int]:
    """The clause of *text* that holds position *at*."""
    start, end = 0, len(text)
    for match in _CLAUSE_ENDS.finditer(text):
        boundary = match.start() + (len(match.group(0)) - 1 if match.group(0).endswith(" ") else 0)
        if match.group(0).startswith((",", " ")):
            boundary = match.start()
        if boundary < at:
            start = match.end()
        elif match.start() >= at and match.start() > start + 2:
            end = match.start() + (len(match.group(0).rstrip()) if match.group(0)[0] not in ", " else 0)
            break
    return start, end


def _actor(text: str, clause_start: int, clause_end: int, inside: list[Named], named: list[Named], reported: bool
           ) -> tuple[str, tuple[str, ...], int, int]:
    """Who acts: the clause's topic (은/는) or subject (이/가), else the sentence's before the
    clause; its words, the entities it names, where the rest of the clause begins and where
    the subject does. In a
    sentence that reports an outlet's story, the outlet is its source, not its actor."""
    for start, end in ((clause_start, clause_end), (0, clause_start)):
        words = list(re.finditer(r"[^\s,]+", text[start:end]))
        particles = [_particle(match.group(0), start + match.start(), named, index > 0 and _bare(words[index - 1].group(0)))
                     for index, match in enumerate(words)]
        order = list(range(len(words)))
        if start != clause_start:  # before the clause: the sentence's topic, else the subject nearest the clause
            order = [i for i in order if particles[i] in _TOPIC] + [i for i in reversed(order) if particles[i] in _SUBJECT]
        for index in order:
            match = words[index]
            particle = particles[index]
            if not particle:
                continue
            if particle in _SUBJECT and any(p in _TOPIC for p in particles[index + 1:index + 4]):
                continue  # 사업가 데릭 오씨는: the topic comes after a title that ends like a subject
            first = index
            while first > 0 and index - first < 3 and (_bare(words[first - 1].group(0))
                                                       or words[first - 1].group(0).endswith("의")):
                first -= 1  # the title and name before it: 사업가 데릭 오씨, 미국 대통령, 세 회사의 설비투자
            subject_start = start + words[first].start()
            subject_end = start + match.end() - len(particle)
            subject = text[subject_start:subject_end]
            if len(subject) > 24 or len(subject) < 2:
                continue
            if reported and any(subject_start <= n.start < subject_end and n.kind == "media outlet" for n in named):
                continue
            ids = tuple(dict.fromkeys(n.entity for n in named if subject_start <= n.start < subject_end
                                      and n.kind != "media outlet"))
            return subject, ids, start + match.end() if start == clause_start else clause_start, subject_start
    return "", tuple(dict.fromkeys(n.entity for n in inside if n.kind != "place"))[:1], clause_start, clause_start


_TOPIC = ("께서는", "께서", "측은", "은", "는")
_SUBJECT = ("이", "가")
_ADVERBIAL = ("에", "에서", "에게", "로", "으로", "부터", "까지", "와", "과", "도", "만")
_DEPENDENT = frozenset("것 수 바 등 때 데 중 뒤 후 점 측 쪽 만 뿐 채 듯".split())
_NOT_BARE = ("의", "을", "를", "에", "에서", "에게", "으로", "로", "까지", "부터", "와", "과", "도", "고", "며", "다", "한", "된",
             "는", "은", "던", "인", "적")


def _particle(word: str, at: int, named: list[Named], after_bare: bool) -> str:
    """The topic or subject particle *word* ends in, if it is a noun that can be a subject:
    not a dependent noun (것은), a verb or adjective form (하는, 많은, 되어가), a number (2배가)
    or a quotation. A stem of one syllable counts only inside a name (저장 랩은)."""
    particle = next((p for p in (*_TOPIC, *_SUBJECT) if word.endswith(p) and len(word) > len(p)), "")
    stem = word[: len(word) - len(particle)]
    if not particle or stem in _DEPENDENT or stem[-1] in "하되있없않기게지" or stem[-1].isdigit() \
            or any(q in stem for q in "“”\"'") or particle in _TOPIC and stem.endswith(_ADVERBIAL):
        return ""  # 초기에는, 중국에서는: where or when, not who
    if len(stem) < 2 and not stem.isascii() and not any(n.start <= at < n.end + 1 for n in named) \
            and not (particle in _SUBJECT and after_bare):
        return ""  # 많은 is an adjective; 칩이 after "H20" and 랩은 in "저장 랩" are subjects
    return particle


def _bare(word: str) -> bool:
    """A word that belongs to the noun phrase after it: no particle or ending of its own,
    and not a verb modifying it (나선 중국, 지은 데이터센터)."""
    return not word.endswith(_NOT_BARE) and not word.endswith(_MODIFYING) and not any(q in word for q in "“”\"'") \
        and (not word[-1].isdigit() or word.isascii())  # H20 칩, but not 2배


_MODIFYING = ("선", "난", "진", "간", "린", "운", "는", "던", "될", "할", "된", "한")


def _action(word: str, before: str) -> str:
    """The clause's last word as a headline ends: the verbal noun (제한한 → 제한), or the
    verb as written in its plain past or present form."""
    word = word.rstrip(".,")
    copula = _COPULA_NOUNS.match(word)
    if copula:  # 검토 중이라고, 지출할 계획이라고
        return f"{before} {copula.group('noun')}" if before and copula.group("noun") == "중" else copula.group("noun")
    if len(word) > 3 and _CONNECTIVE.search(word) and not word.endswith(("하고", "되고")):
        word = _CONNECTIVE.sub("", word)
    match = _VERBAL.match(word)
    if match and match.group("end") and not match.group("noun").endswith(("했", "됐")):
        return match.group("noun")
    if word.endswith(("고", "며")) and len(word) > 2:
        return word[:-1] + "다"
    return word


def _without_particle(word: str) -> str:
    particle = next((p for p in _PARTICLES_LONGEST_FIRST if word.endswith(p) and len(word) - len(p) >= 1), "")
    return word[: len(word) - len(particle)] if particle else word


_PARTICLES_LONGEST_FIRST = tuple(sorted((*CASE_PARTICLES, "에게", "에서", "으로", "까지", "부터", "조차", "마저", "에서는", "에는",
                                         "은", "는"), key=len, reverse=True))


def _object(words: list[str]) -> str:
    """What the action is done to: the words before it, without adverbs and with the last
    one's particle off, the closest ones first within the budget."""
    kept = [w for w in words if w not in _ADVERBS and not w.endswith("적으로")]
    while kept and _without_particle(kept[0]) in _DEPENDENT:
        kept.pop(0)  # "것은 …": the noun a clause was made into
    if not kept:
        return ""
    kept[-1] = _without_particle(kept[-1])
    chosen: list[str] = []
    for word in reversed(kept):
        if chosen and sum(len(w) + 1 for w in chosen) + len(word) > OBJECT_BUDGET:
            break
        chosen.insert(0, word)
    def leans_on_cut(first: str) -> bool:
        """"통해 칩에 접근", "지은 데이터센터", "(500억) 위안으로": the first word kept leans on
        one the budget left out, or ends a phrase that began there."""
        left_out = kept[len(kept) - len(chosen) - 1] if len(kept) > len(chosen) else ""
        return bool(left_out) and (first in _LEANING or first.endswith(_LEANS_RIGHT) or bool(_AMOUNT.search(left_out)))

    while len(chosen) > 1 and (leans_on_cut(chosen[0]) or chosen[0].endswith("던")):
        chosen.pop(0)
    return " ".join(chosen)


_AMOUNT = re.compile(r"\d[\d,.]*(?:십|백|천|만|억|조)?$")  # "500억" before its unit
_LEANING = frozenset("통해 위해 대해 대한 관련해 따라 따른 의한 인한 향한 포함한 전 후 뒤 등".split())
_LEANS_RIGHT = ("기", "도록", "해", "고", "며", "은", "는", "던", "을", "한", "된", "인", "의")
