"""Finding entity mentions in Korean text: traps, particles, and properties of the boundaries."""
from __future__ import annotations

import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from microsite.content.entities import Alias, Entity
from microsite.lang.ko.grammar import COPULAS, PARTICLES
from microsite.model.mentions import Matcher


def entity(entity_id: str, *aliases) -> Entity:
    return Entity(entity_id, f"{entity_id}.md", entity_id, "", "company",
                  tuple(a if isinstance(a, Alias) else Alias(a) for a in aliases), "", "", "", 1)


MATCHER = Matcher((
    entity("australia", "호주"), entity("dell", Alias("델", only_followed_by=("서버",))), entity("h20", "H20"),
    entity("h200", "H200"), entity("microsoft", "마이크로소프트", "MS"), entity("a100", "A100", "에이(A)100"),
    entity("ft", "FT", "파이낸셜타임스"), entity("nvidia", "엔비디아", "Nvidia"), entity("bytedance", "바이트댄스"),
    entity("us-commerce", "미 상무부", "미국 상무부", Alias("상무부", unless_preceded_by=("중국",))),
    entity("aws", "아마존 웹서비스", "AWS", "Amazon Web Services"), entity("amazon", "아마존"), entity("us", "미국", "美"),
    entity("deepseek", "딥시크"), entity("alibaba", "알리바바"),
))


def found(text: str) -> list[tuple[str, str]]:
    return [(m.entity, m.text) for m in MATCHER.find(text)]


@pytest.mark.parametrize("text, not_this", [
    ("호주머니에 손을 넣었다", "australia"), ("새 모델을 공개했다", "dell"), ("H200을 샀다", "h20"), ("MSCI 지수가 올랐다", "microsoft"),
    ("SMS를 보냈다", "microsoft"), ("A1000 보드", "a100"), ("NFT 시장", "ft"), ("ms 단위", "microsoft"),
    ("중국 상무부는 반발했다", "us-commerce"), ("델타 변이", "dell"), ("미국인들의", "us"), ("아마존강 유역", "amazon"),
])
def test_traps_are_not_mentions(text: str, not_this: str) -> None:
    assert not_this not in [entity for entity, _ in found(text)]


@pytest.mark.parametrize("text, expected", [
    ("엔비디아의 칩", [("nvidia", "엔비디아")]),
    ("알리바바와 바이트댄스는", [("alibaba", "알리바바"), ("bytedance", "바이트댄스")]),
    ("미 상무부가 발표했다", [("us-commerce", "미 상무부")]),
    ("상무부에서는", [("us-commerce", "상무부")]),  # two stacked particles
    ("그 회사는 엔비디아였다.", [("nvidia", "엔비디아")]),  # copula
    ("딥시크죠", [("deepseek", "딥시크")]),
    ("H20칩과 H20을", [("h20", "H20"), ("h20", "H20")]),  # glued suffix
    ("마이크로소프트(MS)와 구글", [("microsoft", "마이크로소프트(MS)")]),  # one mention
    ("아마존 웹서비스(Amazon Web Services·AWS)를", [("aws", "아마존 웹서비스(Amazon Web Services·AWS)")]),
    ("아마존 웹서비스와 아마존", [("aws", "아마존 웹서비스"), ("amazon", "아마존")]),  # longest wins
    ("에이(A)100과 A100·H200", [("a100", "에이(A)100"), ("a100", "A100"), ("h200", "H200")]),
    ("슈퍼마이크로 델 서버", [("dell", "델")]),
    ("美반도체", [("us", "美")]),
    ("FT는 보도했다", [("ft", "FT")]),
])
def test_mentions_with_particles_and_suffixes(text: str, expected) -> None:
    assert found(text) == expected


ALIASES = sorted(MATCHER.owner)
HANGUL = st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3)
LATIN = st.sampled_from(string.ascii_letters + string.digits)


@settings(max_examples=300)
@given(st.sampled_from(ALIASES), st.text(HANGUL, min_size=1, max_size=4), st.text(LATIN, min_size=1, max_size=3))
def test_an_alias_inside_a_longer_word_is_never_a_mention(alias: str, hangul: str, latin: str) -> None:
    prefix = latin if alias[0].isascii() else hangul  # a longer word in the alias's own script
    text = f"그리고 {prefix}{alias} 끝"
    start = len("그리고 ") + len(prefix)
    assert all(m.start != start for m in MATCHER.find(text))


@settings(max_examples=300)
@given(st.sampled_from([a for a in ALIASES if a[-1].isascii()]), LATIN)
def test_a_latin_alias_followed_by_a_letter_or_digit_is_not_a_mention(alias: str, tail: str) -> None:
    # H20 followed by 0 is no H20 (it may be H200, another alias, which is a longer match)
    assert all(not (m.start == 0 and m.end == len(alias)) for m in MATCHER.find(f"{alias}{tail} 다음"))


@settings(max_examples=300)
@given(st.sampled_from([a for a in ALIASES if "가" <= a[-1] <= "힣" and MATCHER.alias[a].only_followed_by == ()]),
       st.lists(st.sampled_from(PARTICLES + COPULAS), max_size=2), st.sampled_from([" ", ".", ",", ""]))
def test_a_korean_alias_with_particles_is_a_mention_of_itself(alias: str, endings: list[str], after: str) -> None:
    text = f"오늘 {alias}{''.join(endings)}{after}"
    mentions = MATCHER.find(text)
    assert mentions and mentions[0].start == 3 and mentions[0].text == alias
    assert mentions[0].entity == MATCHER.owner[alias]


@settings(max_examples=200)
@given(st.text(st.sampled_from("엔비디아마이크로소프트MS H20(호주)머니 상무부중국의는"), max_size=40))
def test_every_mention_is_an_alias_as_written(text: str) -> None:
    for mention in MATCHER.find(text):
        assert text[mention.start:mention.end] == mention.text
        assert any(mention.text == alias or mention.text.startswith(alias + "(") for alias in ALIASES)
