"""Attribution: which sentences a report credits to an original source (a media outlet),
by which words; on hand-written Korean and English sentences and on the five seeds."""
from __future__ import annotations

from pathlib import Path

import pytest

from microsite.content import load_config, load_corpus
from microsite.content.entities import Alias, Entity
from microsite.lang import language
from microsite.model import Reader, build_model
from microsite.model.attribution import find_attributions
from microsite.model.mentions import Matcher, find_occurrences
from microsite.model.text import body_blocks

ROOT = Path(__file__).resolve().parent.parent


def entity(entity_id: str, kind: str, *aliases: str) -> Entity:
    return Entity(entity_id, f"{entity_id}.md", entity_id, "", kind, tuple(Alias(a) for a in aliases), "", "", "", 1)


ENTITIES = (
    entity("wsj", "media outlet", "월스트리트저널", "WSJ", "Wall Street Journal"),
    entity("reuters", "media outlet", "로이터 통신", "로이터", "Reuters"),
    entity("ft", "media outlet", "파이낸셜타임스", "FT", "Financial Times"),
    entity("bloomberg", "media outlet", "블룸버그", "Bloomberg"),
    entity("nvidia", "company", "엔비디아", "Nvidia"),
    entity("aws", "company", "아마존 웹서비스", "AWS"),
)
MATCHER = Matcher(ENTITIES)
KINDS = {e.id: e.kind for e in ENTITIES}


def credits(body: str, code: str = "ko") -> list[tuple]:
    """(anchor, sentence's first words, outlet, cue, carried) of each attributed sentence of *body*."""
    rules = language(code)
    blocks = body_blocks(body)
    found = find_attributions(blocks, find_occurrences(blocks, MATCHER, rules.sentence_spans), KINDS, rules)
    return [(a.anchor, a.sentence[:12], a.outlet, a.cue, a.carried) for a in found]


@pytest.mark.parametrize("sentence, expected", [
    ("WSJ에 따르면 엔비디아는 칩을 팔았다.", [("wsj", "에 따르면")]),
    ("25일 미 일간 월스트리트저널(WSJ) 보도에 따르면 중국 기업들은 H100을 쓴다.", [("wsj", "보도에 따르면")]),
    ("로이터 통신의 보도에 따르면 입찰은 11건이다.", [("reuters", "의 보도에 따르면")]),
    ("블룸버그는 소식통을 인용해 엔비디아가 새 칩을 낸다고 보도했다.", [("bloomberg", "보도했다")]),
    ("파이낸셜타임스는 이들이 투자에 집중한다고 전했다.", [("ft", "전했다")]),
    ("WSJ는 조치가 몇 주 내 발표될 것으로 전망했다.", [("wsj", "전망했다")]),
    ("한 매체는 로이터 통신의 보도를 인용해 기관들이 접근했다고 밝혔다.", [("reuters", "의 보도를 인용해")]),
    ("아마존 웹서비스 대변인은 로이터에 “법을 지킨다”고 밝혔다.", [("reuters", "밝혔다")]),  # told Reuters
    ("지난 4월 로이터 통신은 입찰 서류를 발견했다.", [("reuters", "발견했다")]),
    ("블룸버그도 같은 내용을 보도했다.", [("bloomberg", "보도했다")]),
    # several outlets in one sentence: each with its own cue, or sharing one by 와/과
    ("WSJ와 파이낸셜타임스에 따르면 두 회사가 합의했다.", [("wsj", "에 따르면"), ("ft", "에 따르면")]),
    ("블룸버그는 로이터 통신의 보도를 인용해 합의가 임박했다고 보도했다.",
     [("bloomberg", "보도했다"), ("reuters", "의 보도를 인용해")]),
])
def test_korean_cues_credit_outlets(sentence: str, expected) -> None:
    assert [(outlet, cue) for _, _, outlet, cue, _ in credits(sentence)] == expected


@pytest.mark.parametrize("sentence", [
    "로이터는 1851년 런던에서 설립된 통신사다.",  # named, not credited
    "WSJ 기자 출신인 그는 회사를 떠났다고 밝혔다.",  # the outlet describes a person
    "엔비디아 대변인은 WSJ가 잘못 보도했다고 반박했다.",  # a speaker denies the outlet
    "대변인은 WSJ가 틀렸다고 밝혔다.",  # the topic is the speaker; the outlet is inside what is said
    "중국은 WSJ에 대한 소송을 냈다고 밝혔다.",  # 에 대한: about the outlet, not told to it
    "엔비디아는 새 칩을 발표했다고 보도됐다.",  # a reporting verb, but no outlet
])
def test_korean_sentences_that_credit_no_outlet(sentence: str) -> None:
    assert credits(sentence) == []


@pytest.mark.parametrize("sentence, expected", [
    ("Chinese firms rent servers abroad, according to Reuters.", [("reuters", "according to")]),
    ("According to a report by the Financial Times, the deal is off.", [("ft", "According to a report by the")]),
    ("Reuters reported that at least 11 Chinese entities sought access.", [("reuters", "reported")]),
    ("The ban took effect in April, the Wall Street Journal reported on Monday.", [("wsj", "reported")]),
    ("A Bloomberg report said the chips were shipped.", [("bloomberg", "report said")]),
    ("An AWS spokesperson told Reuters the company complies with the law.", [("reuters", "told")]),
    ("The firms, citing the Financial Times, said nothing.", [("ft", "citing the")]),
    ("According to Reuters and Bloomberg, the talks ended.", [("reuters", "According to"), ("bloomberg", "According to")]),
    ("Reuters and Bloomberg reported the sale.", [("reuters", "reported"), ("bloomberg", "reported")]),
])
def test_english_cues_credit_outlets(sentence: str, expected) -> None:
    assert [(outlet, cue) for _, _, outlet, cue, _ in credits(sentence, "en")] == expected


@pytest.mark.parametrize("sentence", [
    "Reuters is a news agency founded in London.",
    "He worked at Bloomberg before joining Nvidia.",
    "Nvidia reported record revenue in the quarter.",
])
def test_english_sentences_that_credit_no_outlet(sentence: str) -> None:
    assert credits(sentence, "en") == []


def test_a_credit_carries_only_to_a_sentence_that_continues_the_report() -> None:
    body = ("WSJ는 엔비디아가 칩을 팔았다고 보도했다. 이어 거래가 3월에 끝났다고 전했다. 또 가격이 올랐다고 덧붙였다. "
            "엔비디아는 답하지 않았다. 이 신문은 거래가 다시 열린다고 보도했다.\n\n"
            "이어 다음 문단은 새로 시작한다고 전했다.")
    assert credits(body) == [
        ("p-1", "WSJ는 엔비디아가 칩", "wsj", "보도했다", False),
        ("p-1", "이어 거래가 3월에 끝", "wsj", "이어", True),
        ("p-1", "또 가격이 올랐다고 덧", "wsj", "또", True),
        # "엔비디아는 답하지 않았다" breaks the chain: the last sentence, though it refers back, has nothing to continue
    ]


def test_a_carried_credit_needs_a_reporting_verb_and_stops_at_another_outlet() -> None:
    body = ("로이터에 따르면 입찰은 11건이다. 이어 AWS는 서버를 늘렸다. "
            "로이터에 따르면 입찰은 더 있다. 또 블룸버그는 다른 수치를 보도했다.")
    assert [(a, outlet, carried) for a, _, outlet, _, carried in credits(body)] == [
        ("p-1", "reuters", False), ("p-1", "reuters", False), ("p-1", "bloomberg", False)]


def test_english_credit_carries_to_the_newspaper_said() -> None:
    body = ("Reuters reported that 11 firms sought access. The agency also said two used AWS. "
            "Nvidia declined to comment. It added nothing.")
    assert [(a, outlet, cue, carried) for a, _, outlet, cue, carried in credits(body, "en")] == [
        ("p-1", "reuters", "reported", False), ("p-1", "reuters", "The agency also said", True)]


@pytest.fixture(scope="module")
def seeds():
    config = load_config(ROOT)
    return build_model(load_corpus(config.content, ROOT), Reader())


# Read by hand from content/reports/: each report's sentences credited to an original, by paragraph.
SEED_CREDITS = {
    "dt-2024-08-overseas-cloud-h100": [("p-2", "wsj"), ("p-6", "wsj"), ("p-9", "wsj"), ("p-12", "ft")],
    "hani-2024-07-ms-google-cloud-china": [("p-2", "the-information"), ("p-5", "the-information")],
    "munhwa-2023-07-us-cloud-access-curb": [("p-2", "wsj"), ("p-3", "wsj")],
    "newsdream-2024-08-aws-tenders": [("p-4", "cointelegraph"), ("p-4", "reuters"), ("p-5", "reuters"), ("p-12", "reuters"),
                                      ("p-14", "reuters")],
    "zdnet-2025-11-offshore-ai-training": [("p-2", "ft")],
}


def test_the_seeds_credit_what_a_reader_finds(seeds) -> None:
    found = {slug: [(a.anchor, a.outlet) for a in text.attributions] for slug, text in seeds.texts.items()}
    assert found == SEED_CREDITS


def test_seed_sentences_and_cues(seeds) -> None:
    munhwa = seeds.texts["munhwa-2023-07-us-cloud-access-curb"].attributions
    assert munhwa[1].sentence.startswith("WSJ는 대중국 클라우드서비스 제한 조치가")
    assert munhwa[1].cue == "전망했다"
    newsdream = seeds.texts["newsdream-2024-08-aws-tenders"].attributions
    told = newsdream[-1]
    assert told.sentence.startswith("아마존 웹서비스 대변인은 로이터 통신에 “") and told.cue == "밝혔다"
    # the credited sentence is where the report's text has it (the page's marker goes at its end)
    block = next(b for b in seeds.texts["newsdream-2024-08-aws-tenders"].blocks if b.anchor == told.anchor)
    assert block.text[told.start:told.end] == told.sentence


def test_the_chronology_credits_the_sentence_s_first_source(seeds) -> None:
    cites = {source.anchor: source.cites for event in seeds.chronology.events for source in event.sources
             if source.report == "newsdream-2024-08-aws-tenders" and source.cites}
    assert cites == {"p-12": "로이터"}  # "지난 4월 로이터 통신은 … 발견했다"
    # a dated sentence that names an outlet without crediting it credits none
    rules = language("ko")
    blocks = body_blocks("로이터는 2024년 4월 서울 지국을 열었다고 전해졌다.")  # a reporting word, not a credit
    occurrences = find_occurrences(blocks, MATCHER, rules.sentence_spans)
    assert find_attributions(blocks, occurrences, KINDS, rules) == ()
