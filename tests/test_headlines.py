"""Chronology headlines from Korean sentences: who — did what, never a cut-off sentence.
The sentences are written for these tests (not taken from the seeds), each with the
headline a careful editor would accept."""
from __future__ import annotations

import pytest

from microsite.lang.ko import find_dates, headline
from microsite.lang.named import Named
from microsite.when import Context


def title(sentence: str, outlets: tuple[str, ...] = (), published=(2024, 7, 20)) -> str:
    named = [Named(sentence.index(name), sentence.index(name) + len(name), name, "media outlet") for name in outlets]
    first = find_dates(sentence, Context(published))[0]
    return headline(sentence, (first.start, first.end), named).text


@pytest.mark.parametrize("sentence, outlets, expected", [
    # the subject, the object and the verbal noun (강화했다 → 강화); a noun ending in 고 is not a clause end
    ("산업통상자원부는 지난 3일 말레이시아행 GPU 서버 수출 신고 절차를 강화했다.", (),
     "산업통상자원부 — 말레이시아행 GPU 서버 수출 신고 절차 강화"),
    # the outlet it is credited to is the source, not the actor
    ("블룸버그통신에 따르면 텐센트는 지난달 싱가포르 데이터센터 임차 계약을 맺었다.", ("블룸버그통신",),
     "텐센트 — 싱가포르 데이터센터 임차 계약 맺었다"),
    ("로이터는 알리바바가 지난 5월 두바이 리전을 열었다고 17일 보도했다.", ("로이터",), "알리바바 — 두바이 리전 열었다"),
    # a speaker and short words said
    ("젠슨 황 엔비디아 최고경영자(CEO)는 지난 4일 타이베이에서 “중국 시장을 포기하지 않겠다”고 말했다.", (),
     "젠슨 황 엔비디아 최고경영자: “중국 시장을 포기하지 않겠다”"),
    # words said too long to quote whole: where, not a cut quotation
    ("리사 수 AMD 최고경영자는 지난 4일 컴퓨텍스 기조연설에서 “데이터센터용 가속기 수요는 내년까지 공급을 웃돌 것이고 가격도 "
     "떨어지지 않을 것”이라고 말했다.", (), "리사 수 AMD 최고경영자 — 컴퓨텍스 기조연설 발언"),
    # the status words of the date phrase do not lead the headline
    ("중국 상무부는 오는 22일로 예정됐던 미국 기업인 대표단 접견을 취소했다.", (), "중국 상무부 — 미국 기업인 대표단 접견 취소"),
    # the clause that holds the date, not the sentence's main clause
    ("미국이 지난해 10월 수출 통제를 강화한 이후 중국 기업들은 해외 클라우드로 눈을 돌렸다.", (), "미국 — 수출 통제 강화"),
    # a date inside quoted words dates what they say
    ("업계 관계자는 \"지난달부터 중국 고객 문의가 두 배로 늘었다\"고 전했다.", (), "중국 고객 문의 — 두 배 늘었다"),
    ("아마존은 내년 하반기 태국 데이터센터 착공을 검토 중인 것으로 알려졌다.", (), "아마존 — 태국 데이터센터 착공 검토 중"),
    # a title before a name ends like a subject (사업가) but the topic is the name
    ("사업가 데릭 오씨는 지난 6월 호주의 한 데이터센터에 서버 300대를 설치했다.", (),
     "사업가 데릭 오씨 — 호주의 한 데이터센터에 서버 300대 설치"),
    # a date that only fixes the time of the thing named after it: that thing
    ("무역 갈등이 이어지면서 오는 12일 예정된 왕이 중국 외교부장의 방한에 관심이 쏠린다.", (), "왕이 중국 외교부장의 방한"),
    # a date inside a clause made a noun dates that clause, not the sentence's verb
    ("정부가 규제를 서두르는 것은 지난달 G7 정상회의에서 수출 통제 공조가 합의된 것에 따른 조치라는 분석이다.", (),
     "수출 통제 공조 — G7 정상회의에서 합의"),
    # a date that dates what was done to the thing named after it
    ("엔비디아의 칩은 2022년 9월에 금지된 A100과 H100이 중심이다.", (), "A100 금지"),
    # before the date's clause: the subject nearest to it, when the sentence has no topic
    ("초기에는 속도가 느린 H20 칩이 중국용으로 개발되었지만 지난 4월부터 금지됐다.", (), "H20 칩 — 금지"),
    # "초기에는" says when, not who; a verb before the subject modifies it (나선), it is not part of its name
    ("초기에는 중국 시장에서 팔리던 H20 칩이 지난 4월부터 금지됐다.", (), "H20 칩 — 금지"),
    ("반도체 자립에 나선 중국이 지난달 희토류 수출을 통제하자 업계가 긴장했다.", (), "중국 — 희토류 수출 통제"),
    # a progressive (하고 있다) is its verb
    ("중국 AI 기업들은 지난달부터 말레이시아 데이터센터에서 H100을 빌려 쓰고 있다.", (),
     "중국 AI 기업들 — 말레이시아 데이터센터에서 H100을 빌려 쓰"),
])
def test_headline(sentence: str, outlets: tuple[str, ...], expected: str) -> None:
    assert title(sentence, outlets) == expected


def test_no_headline_is_a_cut_off_sentence(built_site) -> None:
    import json
    events = json.loads((built_site / "data" / "chronology.json").read_text(encoding="utf-8"))
    for event in events:
        assert not event["headline"].endswith("…") and len(event["headline"]) <= 80, event
        if event["kind"] == "reported" and not event["curated"]:
            assert event["headline"] != event["text"], event


@pytest.mark.parametrize("sentence, outlets, expected", [
    ("The Commerce Department published the rule on Jan. 13, 2025.", (), "The Commerce Department published the rule"),
    # the reporting frame is the source; the story is the event
    ("Reuters reported on Tuesday that Alibaba had rented H100 servers in Malaysia.", ("Reuters",),
     "Alibaba had rented H100 servers in Malaysia"),
    ("Tencent opened a Jakarta region last month, according to Bloomberg.", ("Bloomberg",), "Tencent opened a Jakarta region"),
    # an aside that holds the date goes with it
    ("The talks, which had been set for Feb. 20, were cancelled on Wednesday.", (), "The talks were cancelled on Wednesday"),
    ("Huawei called off a product launch planned for May 28, citing supply problems.", (),
     "Huawei called off a product launch planned"),
    # a dateline is not part of the story; a long clause ends at a whole phrase
    ("WASHINGTON, July 18 (Reuters) - The Bureau of Industry and Security issued an interim final rule on advanced "
     "computing items on Thursday.", (), "The Bureau of Industry and Security issued an interim final rule"),
    ("“We saw orders from Chinese customers double in July,” the executive said.", (), "We saw orders from Chinese customers double"),
])
def test_english_headline(sentence: str, outlets: tuple[str, ...], expected: str) -> None:
    from microsite.lang import en
    named = [Named(sentence.index(name), sentence.index(name) + len(name), name, "media outlet") for name in outlets]
    date = en.find_dates(sentence, Context((2024, 7, 20)))[0]  # a dateline's date is not an event's
    assert en.headline(sentence, (date.start, date.end), named).text == expected
