"""What may follow a Korean word and still leave it the word: particles (josa), copula
endings and a few suffixes glued to names. Mentions of names, search terms and
suggestions all strip or allow the same endings."""
from __future__ import annotations

import functools
import re

# Particles that follow nouns (two can stack: 상무부+에서+는).
PARTICLES = ("의 가 이 은 는 을 를 와 과 에 에서 에게 께 께서 로 으로 도 만 까지 부터 이나 나 이며 며 이라 라 처럼 보다 "
             "한테 조차 마저 든 이든 이란 란 서 야 이야 요 이요 과의 와의 에의 로의 으로의").split()
# The case particles among them: a word seen with one is noun-like.
CASE_PARTICLES = tuple(sorted("의 가 이 은 는 을 를 와 과 에 에서 에게 로 으로 도 까지 부터 처럼 보다 이나".split(), key=len, reverse=True))
# Copula endings: 엔비디아였다, 딥시크죠.
COPULAS = ("이다 다 였다 이었다 였고 이었고 이고 고 였으며 이었으며 입니다 이에요 예요 였던 이던 던 인 일 이라는 라는 이라고 "
           "라고 죠 이죠 지만 이지만 이고요").split()
# Suffixes glued to names that still name them: 중국산, H20칩, 삼성측.
SUFFIXES = "칩 급 측 사 산 씨 계 제 용 발 식 社".split()

# Endings a query word or an indexed word loses (longest first: 에서 before 서).
ENDINGS = tuple(sorted({*PARTICLES, *COPULAS}, key=lambda ending: (-len(ending), ending)))
_ENDING = "(?:" + "|".join(ENDINGS) + ")"
STEM = r"[가-힣a-z0-9]{2,}?"  # the shortest stem (of two characters or more) that leaves only endings
_STRIP = re.compile(rf"^({STEM}){_ENDING}?{_ENDING}?$")
_VERB_LIKE = "다하라되했던"  # a stem ending so is a verb or an adjective, not a noun
# Last syllables of verb and adjective forms (하는, 많은, 밝혔다, 됐던) and of object
# particles, which few nouns end in: a word standing alone that ends so is not taken for
# a noun. (Many nouns end in 어, 아, 고, 지, 한: 언어, 엔비디아, 광고, 유지, 제한.)
VERB_FINALS = frozenset("다는은던된될할했됐겠며을를")


@functools.lru_cache(maxsize=65536)
def strip_endings(word: str) -> str:
    """"엔비디아가" → "엔비디아", "상무부에서는" → "상무부", "h100을" → "h100": up to two
    endings off a lower-case word; at least two characters are kept. (The search page's
    script strips query words with the same expression: ``STEM`` and ``ENDINGS``.)"""
    match = _STRIP.match(word)
    return match.group(1) if match else word


def noun_before_particle(word: str) -> str:
    """"바이트댄스는" → "바이트댄스", "일본에서는" → "일본": the stem of a word that ends in
    one or two case particles after a stem of two syllables or more that does not look
    like a verb; else ""."""
    stem = word
    for _ in range(2):
        ending = next((particle for particle in CASE_PARTICLES if stem.endswith(particle)
                       and len(stem) - len(particle) >= 2), "")
        if not ending:
            break
        stem = stem[: -len(ending)]
    if stem == word or stem[-1] in _VERB_LIKE:
        return ""
    return stem


def name_tail() -> str:
    """A regular expression for what may follow a Korean name (up to three endings), for
    the right edge of a mention."""
    return "(?:" + "|".join(sorted({*PARTICLES, *COPULAS, *SUFFIXES}, key=len, reverse=True)) + "){0,3}"
