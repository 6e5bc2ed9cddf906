"""The normalizer on captures it has never seen: other outlets, portals and formats.

Each capture here is made up for the test, in the shapes Korean news captures take.
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
from html import unescape

import pytest
from conftest import ROOT

from microsite.ingest.cascade import compose, escape_markdown
from microsite.ingest.manifest import SourceEntry
from microsite.ingest.normalize import extract
from microsite.output.markdown import render_body

PORTAL_CAPTURE = """본문 바로가기
전체메뉴
반도체 장비 수출 규제, 동맹국으로 확대
네덜란드·일본과 공조…ASML 장비 대상
연합뉴스 | 홍길동 기자 | 2025-03-12 09:30
입력 2025.03.12 09:30 수정 2025.03.12 11:02
공유 댓글 좋아요
글자크기 설정
해당 언론사가 주요기사로 직접 선정한 기사입니다.
[워싱턴=연합뉴스] 홍길동 특파원 = 미국 정부가 반도체 장비 수출 규제를 동맹국으로 확대한다고 12일 밝혔다.
규제 대상에는 노광 장비가 포함된다.
미국 상무부 청사 전경. /연합뉴스
미국 상무부 청사 전경. /연합뉴스
블룸버그통신에 따르면 일본도 비슷한 조치를 검토 중이다.
이 기사는 언론사에서 경제 섹션으로 분류했어요.
좋아요 0 훈훈해요 0 슬퍼요 0 화나요 0 후속기사 원해요 0
[홍길동 기자]
<저작권자 ⓒ 연합뉴스, 무단 전재-재배포, AI 학습 및 활용 금지>
많이 본 뉴스
1. 다른 기사 제목이 여기에 있다.
2. 또 다른 기사 제목
"""

BROADCAST_CAPTURE = """[앵커]
미국이 중국 기업의 클라우드 이용을 막기로 했습니다.
워싱턴 연결합니다.
[기자]
네, 미 상무부는 오늘 새 규정을 발표했습니다.
◀ 인터뷰 ▶
"규정은 다음 달 시행됩니다."
MBC뉴스 김철수입니다.
Copyright(c) Since 1996, MBC&iMBC All rights reserved.
"""

HTML_CAPTURE = """<html><head><title>포털</title><script>var x = "<p>스크립트</p>";</script></head><body>
<nav><a href="/">홈</a> <a href="/news">뉴스</a></nav>
<h1>데이터센터 임대로 규제 피한다</h1>
<div class="byline">김영희 기자 <span>younghee@example.co.kr</span></div>
<div class="date">입력 2024-05-02 10:00</div>
<p>첫 문장이다. <b>강조된</b> 둘째 문장이다.</p>
<figure><img src="https://img.example.com/2024/05/02/a.jpg" alt="서버실 모습"><figcaption>서버실 모습 (사진=게티이미지뱅크)</figcaption></figure>
<p style="display:none">숨은 글</p>
<p>셋째 문단이다.<br>같은 문단의 둘째 줄이다.</p>
<div class="share"><button>공유하기</button> <a href="#">페이스북</a> <a href="#">트위터</a></div>
<p class="copy">[ⓒ 예시일보, 무단전재 및 재배포 금지]</p>
<ul class="related"><li>관련기사 제목</li></ul>
</body></html>"""


def test_portal_capture_keeps_the_article_and_its_facts() -> None:
    result = extract(PORTAL_CAPTURE)
    assert result.title == "반도체 장비 수출 규제, 동맹국으로 확대"
    assert result.deck == ("네덜란드·일본과 공조…ASML 장비 대상",)
    assert result.authors == ("홍길동",)
    assert result.outlet == "연합뉴스"
    assert result.dateline == "워싱턴"
    assert result.rights == "저작권자 ⓒ 연합뉴스, 무단 전재-재배포, AI 학습 및 활용 금지"
    assert [(d.year, d.month, d.day) for d in result.dates][0] == (2025, 3, 12)
    paragraphs = [b.text for b in result.blocks if b.kind == "paragraph"]
    assert paragraphs == ["미국 정부가 반도체 장비 수출 규제를 동맹국으로 확대한다고 12일 밝혔다.",
                          "규제 대상에는 노광 장비가 포함된다.",
                          "블룸버그통신에 따르면 일본도 비슷한 조치를 검토 중이다."]
    figures = [b for b in result.blocks if b.kind == "figure"]
    assert [(f.text, f.credit) for f in figures] == [("미국 상무부 청사 전경.", "/연합뉴스")]  # printed twice, kept once
    assert result.cites == ("블룸버그통신",)


def test_portal_capture_drops_every_piece_of_furniture() -> None:
    result = extract(PORTAL_CAPTURE)
    everything = " ".join([result.title, *result.deck, *(b.text for b in result.blocks)])
    for junk in ("바로가기", "전체메뉴", "공유", "좋아요", "글자크기", "직접 선정", "섹션으로 분류", "많이 본", "다른 기사",
                 "홍길동 기자", "저작권자", "입력"):
        assert junk not in everything, junk


def test_broadcast_transcript_loses_its_markers_and_sign_off_not_its_sentences() -> None:
    result = extract(BROADCAST_CAPTURE)
    text = "\n".join(b.text for b in result.blocks)
    for sentence in ("미국이 중국 기업의 클라우드 이용을 막기로 했습니다.", "워싱턴 연결합니다.",
                     "네, 미 상무부는 오늘 새 규정을 발표했습니다.", '"규정은 다음 달 시행됩니다."'):
        assert sentence in text
    assert "[앵커]" not in text and "[기자]" not in text and "◀" not in text
    assert "MBC뉴스 김철수입니다." not in text and "김철수" in result.authors  # the sign-off names the reporter
    assert result.rights.startswith("Copyright(c)")
    assert result.outlet == "MBC"


def test_html_capture_is_flattened_without_scripts_hidden_text_or_widgets() -> None:
    result = extract(HTML_CAPTURE)
    assert result.title == "데이터센터 임대로 규제 피한다"
    assert result.authors == ("김영희",)
    assert [(d.year, d.month, d.day) for d in result.dates][0] == (2024, 5, 2)
    paragraphs = [b.text for b in result.blocks if b.kind == "paragraph"]
    assert paragraphs == ["첫 문장이다. 강조된 둘째 문장이다.", "셋째 문단이다.", "같은 문단의 둘째 줄이다."]
    figure = next(b for b in result.blocks if b.kind == "figure")
    assert (figure.text, figure.credit, figure.original) == ("서버실 모습", "(사진=게티이미지뱅크)", "https://img.example.com/2024/05/02/a.jpg")
    assert result.outlet == "예시일보"
    text = " ".join(b.text for b in result.blocks)
    assert "스크립트" not in text and "숨은 글" not in text and "공유하기" not in text and "관련기사" not in text


def test_missing_date_and_byline_are_left_empty_and_reported() -> None:
    result = extract("수출 규제 논의 계속\n\n미국과 중국이 다시 만났다.\n회담은 두 시간 동안 이어졌다.\n")
    draft = compose(result, None, "seeds/x.txt", "0" * 64)
    assert draft.front["published"] == "" and draft.front["authors"] == []
    assert any("no publication date" in w for w in draft.warnings)
    assert any("no byline" in w for w in draft.warnings)
    assert draft.front["slug"] == "x"


def test_month_and_day_alone_are_not_completed_by_guessing() -> None:
    result = extract("제목 줄\n작성일 11-28\n본문 문장이다.\n")
    draft = compose(result, None, "seeds/y.txt", "0" * 64)
    assert draft.front["published"] == ""
    assert any("only month and day" in w for w in draft.warnings)


def test_manifest_wins_over_the_text_and_says_so() -> None:
    result = extract(PORTAL_CAPTURE)
    entry = SourceEntry("x.txt", 3, {"published": "2025-03-11", "outlet": "연합뉴스", "slug": "yna-export"})
    draft = compose(result, entry, "seeds/x.txt", "0" * 64)
    assert draft.front["published"] == "2025-03-11"
    assert draft.front["provenance"]["published"] == "manifest"
    assert draft.front["provenance"]["outlet"] == "text"  # the text says the same
    assert any("overrides the text's 2025-03-12" in w for w in draft.warnings)
    assert draft.front["slug"] == "yna-export"


def test_markdown_escaping_round_trips_plain_text() -> None:
    for text in ("1. 숫자로 시작하는 문장이다.", "# 해시로 시작한다", "*별표*와 _밑줄_ 그리고 <태그> [괄호]", "- 하이픈", "&amp; 엔티티"):
        html = render_body(escape_markdown(text))
        assert html.startswith('<p id="p-1">')
        assert unescape(re.sub(r"<[^>]+>", "", html)).strip() == text


# Captures in the shapes other portals print, each with what must come out of it.
# (input, expected front matter fields, sentences that must stay in the body)
PORTAL_SHAPES = [
    ("제목 줄이다\n입력 2024.05.02. 오전 10:00\n본문 문장이다.\n", {"published": "2024-05-02"}, ["본문 문장이다."]),
    ("제목 줄이다\n입력2024.05.02. 오전 10:00 수정2024.05.02. 오전 11:25 기사원문\n본문 문장이다.\n",
     {"published": "2024-05-02", "deck": None}, ["본문 문장이다."]),
    ("제목 줄이다\n입력 2025. 3. 14. 18:02수정 2025. 3. 14. 18:40\n본문 문장이다.\n", {"published": "2025-03-14"}, []),
    ("제목 줄이다\n수정 2025.02.11 09:00\n작성 2025.02.10 14:05\n본문 문장이다.\n", {"published": "2025-02-10"}, []),
    ("제목 줄이다\n수정 2025.02.11 09:00\n본문 문장이다.\n", {"published": ""}, []),  # an update time is not a publication date
    ("제목 줄이다\n홍길동 기자 입력 2024.05.02 10:00\n본문 문장이다.\n", {"published": "2024-05-02", "authors": ["홍길동"]}, []),
    ("제목 줄이다\n첫 문장이다.\n협회는 성명에서 \"저작권자의 동의 없는 뉴스 학습은 명백히 금지된 행위\"라고 밝혔습니다.\n셋째 문장이다.\n",
     {"rights": "", "outlet": ""}, ["협회는 성명에서", "셋째 문장이다."]),
    ("제목 줄이다\n첫 문장이다.\n신문협회는 AI 기업의 기사 무단 전재와 학습을 금지해야 한다고 주장했다.\n셋째 문장이다.\n",
     {"rights": ""}, ["신문협회는 AI 기업의 기사 무단 전재와 학습을 금지해야 한다고 주장했다.", "셋째 문장이다."]),
    ("제목 줄이다\n첫 문장이다.\n다음 달부터는 클라우드 구독 요금도 오를 전망이다.\n구글은 해외 리전의 구독형 AI 서비스 가입자를 따로 공개하지 않았다.\n"
     "바이두는 AI가 요약한 검색 결과를 중국 밖 서버에서 생성한다고 설명했다.\n", {},
     ["다음 달부터는 클라우드 구독 요금도", "구글은 해외 리전의 구독형", "바이두는 AI가 요약한"]),
    ("제목 줄이다\n첫 문장이다.\n▶ 관련기사 : 美, 中 클라우드 접근 차단 검토\n둘째 문장이다.\n※ '당신의 제보가 뉴스가 됩니다'\n"
     "[카카오톡] YTN 검색해 채널 추가\n[메일] social@ytn.co.kr\n", {}, ["첫 문장이다.", "둘째 문장이다."]),
    ("제목 줄이다\n첫 문장이다.\n[ⓒ 한국경제 & hankyung.com, 무단전재 및 재배포 금지]\n", {"outlet": "한국경제"}, []),
    ("제목 줄이다\n첫 문장이다.\n<저작권자 ⓒ 1980-2024 ㈜연합뉴스. 무단 전재 재배포 금지, AI 학습 및 활용 금지>\n", {"outlet": "연합뉴스"}, []),
    ("제목 줄이다\n첫 문장이다.\nⓒ KBS & KBS World Radio. All rights reserved. 무단 전재 금지\n", {"outlet": "KBS"}, []),
    ("제목 줄이다\n엔비디아 H100 칩. 사진=엔비디아 제공\n엔비디아 H100 칩. 사진=엔비디아 제공\n첫 문장이다.\n", {"summary": None}, []),
    ("제목 줄이다\n(서울=연합뉴스) 홍길동 김철수 기자 = 중국 기관들이 접근했다.\n둘째 문장이다.\n",
     {"authors": ["홍길동", "김철수"], "outlet": "연합뉴스", "dateline": "서울"}, ["중국 기관들이 접근했다."]),
    ("제목 줄이다\n(베이징·서울=연합뉴스) 이윤정 특파원 홍길동 기자 = 중국 기관들이 접근했다.\n", {"authors": ["이윤정", "홍길동"]}, []),
    ("제목 줄이다\n[서울=뉴시스]홍길동·김철수 기자 = 중국 기관들이 접근했다.\n", {"authors": ["홍길동", "김철수"], "outlet": "뉴시스"},
     ["중국 기관들이 접근했다."]),
    ("제목 줄이다\n첫 문장이다.\nAWS는 \"모든 미국 법률을 준수한다\"고 밝혔다.베이징=이윤정 특파원 yjlee@yna.co.kr\n", {"authors": ["이윤정"]},
     ["AWS는 \"모든 미국 법률을 준수한다\"고 밝혔다."]),
    ("제목 줄이다\n첫 문장이다.\n마지막 문장이다. 홍길동·김철수 기자 hong@dt.co.kr\n", {"authors": ["홍길동", "김철수"]}, ["마지막 문장이다."]),
    ("제목 줄이다\n[앵커]\n첫 문장입니다.\n지금까지 워싱턴에서 YTN 홍길동입니다.\n촬영기자 : 이영수\n영상편집 : 박민지\nYTN 홍길동 (hong@ytn.co.kr)\n",
     {"authors": ["홍길동"], "outlet": "YTN"}, ["첫 문장입니다.", "지금까지 워싱턴에서 YTN 홍길동입니다."]),
    ("한국경제\n엔비디아 칩 우회 여전\n김철수 기자\n첫 문장이다.\n", {"title": "엔비디아 칩 우회 여전", "outlet": "한국경제", "authors": ["김철수"]}, []),
    ("NAVER 뉴스\n엔비디아 칩 우회 여전\nTALK\n응원하기\n인쇄하기\n텍스트 음성 변환 서비스 사용하기\n한국경제 구독\n본문 요약봇\n첫 문장이다.\n",
     {"title": "엔비디아 칩 우회 여전", "deck": None}, ["첫 문장이다."]),
    ("제목 줄이다\n첫 문장이다.\n딥시크 R1\n", {"outlet": ""}, ["딥시크 R1"]),  # a short last line is not a signature
    ("제목 줄이다\n첫 문장이다.\n(끝)\n", {"outlet": ""}, []),
    ("제목 줄이다\n클라우드 업체들, 중국에 H100 제공\n첫 문장이다. 클라우드 업체들, 중국에 H100 제공하는 것으로 나타났다.\n",
     {"deck": ["클라우드 업체들, 중국에 H100 제공"], "summary": None}, []),
    ("Chinese AI firms tap overseas clouds\nPublished : May 2, 2024 - 10:00\nBy Kim Chul-soo\n"
     "Chinese firms rent chips, according to the Financial Times.\nBy Kim Chul-soo (kcs@heraldcorp.com)\n",
     {"published": "2024-05-02", "authors": ["Kim Chul-soo"], "language": "en", "cites": ["Financial Times"]},
     ["Chinese firms rent chips, according to the Financial Times."]),
]


@pytest.mark.parametrize("capture, expected, kept", PORTAL_SHAPES)
def test_other_portal_shapes(capture: str, expected: dict, kept: list[str]) -> None:
    draft = compose(extract(capture), None, "seeds/x.txt", "0" * 64)
    for key, value in expected.items():
        assert draft.front.get(key) == value, (key, draft.front.get(key))
    body = draft.body
    for sentence in kept:
        assert escape_markdown(sentence) in body or sentence in body, sentence
    for junk in ("구독", "TALK", "응원하기", "관련기사", "제보", "@", "촬영기자", "Published", "By Kim", "(끝)", "무단"):
        if not any(junk in sentence for sentence in kept):
            assert junk not in body, junk


def test_seeds_named_without_ascii_get_distinct_slugs() -> None:
    first = compose(extract("제목\n본문이다.\n"), None, "seeds/한겨레_기사.txt", "a" * 64)
    second = compose(extract("제목\n본문이다.\n"), None, "seeds/조선_기사.txt", "b" * 64)
    assert first.front["slug"] == "report-aaaaaaaaaa" and second.front["slug"] == "report-bbbbbbbbbb"


def _draft(capture: str):
    return compose(extract(capture), None, "seeds/x.txt", "0" * 64)


def test_a_headline_picked_over_other_text_is_said_to_be_a_guess() -> None:
    menu = " · ".join(["정치 일반", "경제 일반", "사회 일반", "국제 일반", "문화 일반", "스포츠 일반", "연예 일반"] * 4)
    draft = _draft(f"{menu}\n\n항만 물동량 석 달째 줄어\n\n"
                   "부산항 컨테이너 물동량이 석 달 연속 줄었다. 해운업계는 운임 하락을 걱정하고 있다.\n\n"
                   "항만공사는 다음 달 대책을 내놓기로 했다. 업계는 신중한 반응을 보였다.\n")
    assert draft.front["title"] == "항만 물동량 석 달째 줄어"
    assert draft.front["provenance"]["title"] == "guessed"
    assert any("headline guessed" in warning for warning in draft.warnings)


def test_a_headline_beside_its_byline_is_not_a_guess() -> None:
    draft = _draft("오늘 들어온 소식을 모아 전해 드립니다.\n\n항만 물동량 석 달째 줄어\n김하늘 기자\n\n"
                   "부산항 컨테이너 물동량이 석 달 연속 줄었다. 해운업계는 운임 하락을 걱정하고 있다.\n")
    assert draft.front["title"] == "항만 물동량 석 달째 줄어"
    assert draft.front["provenance"]["title"] == "text" and not any("guessed" in w for w in draft.warnings)


PAGE_WITH_METADATA = """<!DOCTYPE html><html lang="en"><head>
<meta property="og:title" content="Port traffic falls for a third month">
<meta property="og:site_name" content="the Harbour Gazette">
<meta property="article:published_time" content="2025-04-09T07:30:00+01:00">
<meta name="author" content="Ada Brennan">
</head><body><div class="page">
<nav><a href="/">Home</a><a href="/news">News</a></nav>
<article><h1>Port Traffic Falls for a Third Month</h1>
<p>Container traffic at the port fell for a third month in a row, the harbour authority said on Tuesday.</p>
<aside class="newsletter-promo"><p>Sign up for our morning briefing. It is free and it arrives before seven every day.</p></aside>
<p>Shipping lines blamed weaker demand from inland factories and a slump in freight rates.</p>
<p>The authority will publish a recovery plan next month, officials said.</p>
</article>
<footer><p>All the news from the coast, every day of the year, since 1881.</p></footer>
</div></body></html>"""


def test_an_html_page_metadata_fills_what_its_print_does_not() -> None:
    draft = _draft(PAGE_WITH_METADATA)
    front = draft.front
    assert front["title"] == "Port Traffic Falls for a Third Month"  # the printed headline, as printed
    assert (front["published"], front["authors"], front["outlet"], front["language"]) == (
        "2025-04-09", ["Ada Brennan"], "The Harbour Gazette", "en")
    assert front["provenance"]["published"] == "metadata" and front["provenance"]["authors"] == "metadata"
    assert "morning briefing" not in draft.body and "since 1881" not in draft.body and "Home" not in draft.body
    assert "recovery plan next month" in draft.body


def test_a_printed_stamp_wins_over_the_page_metadata_date() -> None:
    page = PAGE_WITH_METADATA.replace("<article><h1>", "<article><p>Published April 8, 2025</p><h1>")
    assert _draft(page).front["published"] == "2025-04-08"


def test_a_wrapper_holding_most_of_the_page_is_not_a_box_whatever_its_name() -> None:
    page = PAGE_WITH_METADATA.replace('<div class="page">', '<div class="side-menu-closed">')
    assert "recovery plan next month" in _draft(page).body


@pytest.mark.parametrize("rows", [
    "Market\tPrice\tChange\nBusan\t4.1\t+2%\nIncheon\t3.9\t-1%",
    "| Market | Price | Change |\n|---|---|---|\n| Busan | 4.1 | +2% |\n| Incheon | 3.9 | -1% |",
    "Market      Price      Change\nBusan       4.1        +2%\nIncheon     3.9        -1%",
])
def test_tables_printed_as_text_become_tables(rows: str) -> None:
    draft = _draft(f"Port prices\nBy Ada Brennan\n\nPrices rose at one port and fell at the other.\n\n{rows}\n\n"
                   "Both ports expect a calmer month ahead, their operators said.\n")
    html = render_body(draft.body)
    assert "<th>Market</th><th>Price</th><th>Change</th>" in re.sub(r"\s+", "", html)
    assert "<td>Busan</td><td>4.1</td><td>+2%</td>" in re.sub(r"\s+", "", html)
    assert "<td>Incheon</td><td>3.9</td><td>-1%</td>" in re.sub(r"\s+", "", html)


def test_a_paragraph_cut_by_a_page_break_is_whole_again() -> None:
    filler = "".join(f"Line {n} of the opening section runs on across the width of the page here.\n" for n in range(12))
    capture = (f"Harbour Review\n\nPort traffic in review\n\nAda Brennan\n\nApril 9, 2025\n\n{filler}\n"
               "The authority expects the decline to continue until the\n\nHarbour Review | page 1\n1\n"
               "\fHarbour Review | page 2\n2\n\nsummer, when new routes open.\n")
    body = _draft(capture).body
    assert "continue until the summer, when new routes open." in body and "page 2" not in body


def test_an_update_stamp_alone_bounds_the_date_and_says_so() -> None:
    draft = _draft("Port traffic falls again\nBy Ada Brennan\nUpdated 10:42 AM EST, March 6, 2025\n\n"
                   "Container traffic at the port fell for a third month, the harbour authority said.\n")
    assert draft.front["published"] == ""
    assert any("only an update stamp (Updated 10:42 AM EST, March 6, 2025)" in w for w in draft.warnings)


ARTICLE = ("The council approved the budget on Tuesday after a long debate. Members voted eleven to four.\n\n"
           "The plan raises spending on buses and libraries. It takes effect in January next year.\n\n")


@pytest.mark.parametrize("sentence", [
    "Copyright holders sued three AI companies last year over training data.",
    "Said one analyst, who declined to be named.",
    "In an interview with our newsletter team, the minister said tariffs would be lifted soon.",
    "Kim has said he wants to meet the mayor before the vote.",
    "이번 사태의 본질은 가짜 뉴스 문제입니다.",
])
def test_ordinary_sentences_are_never_taken_for_furniture(sentence: str) -> None:
    draft = _draft(f"Council passes budget\nBy Christine Kim\nMarch 5, 2025\n\n{ARTICLE}{sentence}\n\n"
                   "Officials will publish the details next week, the council said.\n")
    assert sentence.replace("-", "\\-") in draft.body or sentence in draft.body
    assert "details next week" in draft.body
    assert draft.front["authors"] == ["Christine Kim"] and "holders" not in draft.front["outlet"]


def test_a_byline_with_a_place_is_read_not_a_crash() -> None:
    assert _draft(f"Council passes budget\nBy Jane Smith in London\nMarch 5, 2025\n\n{ARTICLE}").front["authors"] == ["Jane Smith"]


def test_a_footnote_mark_is_not_an_outlet_tag() -> None:
    draft = _draft(f"Council passes budget\nBy Jane Smith\nMarch 5, 2025\n\n{ARTICLE}The figure rose in 2024.[3]\n")
    assert draft.front["outlet"] != "3"


def test_a_page_laid_out_in_a_table_is_read_cell_by_cell() -> None:
    page = PAGE_WITH_METADATA.replace('<div class="page">', '<table><tr><td colspan="2">').replace(
        "</div></body>", "</td></tr></table></body>")
    body = _draft(page).body
    assert "recovery plan next month" in body and "| " not in body


def test_a_wrapper_named_after_its_sidebar_still_holds_the_article() -> None:
    page = PAGE_WITH_METADATA.replace('<div class="page">', '<div class="layout-with-sidebar articleBodyWithAds">')
    assert "recovery plan next month" in _draft(page).body


def test_a_section_about_someone_stays_unless_it_is_boilerplate() -> None:
    draft = _draft(f"Council passes budget\nBy Jane Smith\nMarch 5, 2025\n\n{ARTICLE}About Huawei\n\n"
                   "The company has supplied the city's network since 2019, officials said.\n")
    assert "supplied the city's network" in draft.body


PATHOLOGICAL = {  # shapes that sent a pattern into exponential or quadratic backtracking, or crashed the reader
    "a wire lead with no reporter": "(서울=연합뉴스) " + "가나 " * 60 + "다.",
    "a lead in brackets": "[서울=뉴시스] " + "가나다라마바사" * 20 + "다.",
    "stamps repeated": "입력 2024.07.18 " * 40 + "x",
    "research credits": "글 " + "·".join(["가가박사"] * 40) + "!",
    "production credits": "편집:가가" + "영상편집:가가" * 40 + "!",
    "correspondents": "Ab Cd in Xy" + " and Ab Cd in Xy" * 60 + "!",
    "journal history": "Received 3 Jan 2025; " * 40 + "x",
    "dots": "." * 40000,
    "wide spaces": "x" + "\u2003" * 20000 + "x",
    "blank lines at a page edge": "\f" + "\n" * 100000 + "text.",
    "unclosed paragraphs": "<p>본문 문장이 여기에 있다.\n" * 1500,
    "nested font tags": "<font>" * 1500 + "<p>본문이다.</p>",
    "a JSON-LD graph that is not a list": '<script type="application/ld+json">{"@type":"WebPage","@graph":5}</script><p>본문이다.</p><p>둘째다.</p>',
    "JSON-LD nested past the recursion limit": '<script type="application/ld+json">' + "[" * 5000 + "</script><p>본문이다.</p><p>둘째다.</p>",
}


def test_pathological_captures_are_read_in_bounded_time_without_crashing() -> None:
    """All in one child process, under a bound generous for a loaded machine: the old
    patterns took minutes to hours on the first shapes, and recursion errors on the last."""
    script = ("import sys, json\nfrom microsite.ingest.normalize import extract\n"
              "for text in json.load(sys.stdin).values():\n    extract(text)\nprint('read them all')\n")
    result = subprocess.run([sys.executable, "-c", script], input=json.dumps(PATHOLOGICAL), capture_output=True,
                            text=True, timeout=300, cwd=ROOT)
    assert result.returncode == 0 and "read them all" in result.stdout, result.stderr[-2000:]
