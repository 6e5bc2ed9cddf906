"""The five real seeds: golden pages, no sentence lost, no furniture left.

The expectations below are written by hand from reading each raw seed: which lines are
the headline and deck, and which are page furniture. Everything else in a seed is article
text, and every one of its sentences must reach the page, in order.
"""
from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import SEEDS, copy_project

from microsite.errors import Diagnostics
from microsite.ingest import ingest

GOLDEN = Path(__file__).parent / "golden"
SLUGS = {
    "000": "hani-2024-07-ms-google-cloud-china",
    "001": "munhwa-2023-07-us-cloud-access-curb",
    "002": "dt-2024-08-overseas-cloud-h100",
    "003": "newsdream-2024-08-aws-tenders",
    "004": "zdnet-2025-11-offshore-ai-training",
}
# Per seed: headline and deck lines (they go to the page header), and furniture as regular
# expressions (whole lines with ^…$, or the glued part of a line).
SEED_FACTS = {
    "000": {
        "head": ["미 정부의 대중국 수출 규제 ‘우회’ 논란"],
        "junk": [r"^메뉴 건너뛰기$", r"^한겨레$", r"^번호 제목 글쓴이 날짜$", r"^\d{5} .* 랭크뉴스 2024\.08\.30$"],
    },
    "001": {
        "head": ["미, 이번엔 중국 기업 ‘클라우드’ 접근 막는다", "미, 대중 반도체 수출 통제에 이어", "AI개발 활용 우려 사전허가 검토",
                 "중, 디리스킹 불만 EU외교대표 방중 취소", "옐런·허리펑 회담 앞두고 경색 심화"],
        "junk": [r"^전체 맥락을 이해하기 위해서는 본문 보기를 권장합니다\.$", r"^이 글자크기로 변경됩니다\.$",
                 r"^\(예시\) 가장 빠른 뉴스가.*", r"^워싱턴=김남석 특파원 namdol@munhwa\.com$",
                 r"^Copyright © 문화일보\. 무단전재 및 재배포 금지\.$", r"^- .*"],
        # The portal's two-line summary repeats the article word for word: kept once, in the body.
        "repeated": 2,
    },
    "002": {
        "head": ["美반도체 제재의 허점…해외 클라우드서 엔비디아칩 쓰는 中", "클라우드 업체들, 중국에 H100 갖춘 데이터센터 제공",
                 "알리바바·텐센트·바이두 상반기 AI 설비투자 2배 이상"],
        "junk": [r"김영욱기자 wook95@dt\.co\.kr$", r"^Copyright © 디지털타임스\. 무단전재 및 재배포 금지\.$", r"^- .*"],
    },
    "003": {
        "head": [],
        "junk": [r" \[뉴스드림\]$", r"^◆"],  # the section marker becomes heading markup
    },
    "004": {
        "head": ["엔비디아 수출 규제에 中 빅테크, AI 개발 '해외 우회' 가속",
                 "동남아 데이터센터서 엔비디아 GPU 활용…국내선 국산 칩 의무화로 투트랙 전략 병행"],
        "junk": [r" ?작성일 11-28 42 목록$", r"^\(지디넷코리아=한정호 기자\)", r"^한정호 기자\(jhh@zdnet\.co\.kr\)$",
                 r"^Copyright © 지디넷코리아\. 무단전재 및 재배포 금지\.$", r"^관련자료 이전 .*"],
    },
}
# Page furniture that must appear nowhere in a report's header or body text…
FURNITURE = ["메뉴 건너뛰기", "랭크뉴스", "번호 제목", "글자크기", "가장 빠른 뉴스", "전체 맥락을", "관련자료", "댓글",
             "로그인", "목록", "작성일", "무단전재", "Copyright", "노무현", "SK바이오팜", "딥페이크", "한정호 기자",
             "특파원"]
# …and remnants of the captured markup that must not reach the page's HTML.
MARKUP = ["dmcf", "contents-hash", "data-tiara", "daumcdn.net/thumb", "layerTranslateNotice", "&lt;", "<img"]


def seed_lines(path: Path) -> list[str]:
    """The seed's text lines, markup removed by the plainest means (not the normalizer's)."""
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"<figure.*?<figcaption[^>]*>(.*?)</figcaption>.*?</figure>", r"\n\1\n", text, flags=re.S)
    text = re.sub(r"<div[^>]*display:none[^>]*>.*?</div>", "\n", text, flags=re.S)
    text = html.unescape(re.sub(r"<[^>]+>", "\n", text))
    return [re.sub(r"\s+", " ", line).strip() for line in text.split("\n") if line.strip()]


def sentences(line: str) -> list[str]:
    parts = re.split(r"(?<=[.?!])\s+|(?<=다\.)(?=[가-힣])", line)
    return [part.strip() for part in parts if part.strip()]


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def body_lines(key: str) -> tuple[list[str], list[str]]:
    """(head lines, article lines) of a seed after removing its hand-listed furniture."""
    facts = SEED_FACTS[key]
    seed = next(p for p in SEEDS if p.name.startswith(key))
    lines = seed_lines(seed)
    if key == "004":  # the headline and the portal's stamp share the first line
        lines[0:1] = [lines[0].split(" 작성일")[0], "작성일" + lines[0].split(" 작성일")[1]]
    head, body = [], []
    for line in lines:
        for pattern in facts["junk"]:
            line = re.sub(pattern, "", line).strip()
        if not line:
            continue
        (head if line in facts["head"] else body).append(line)
    body = body[facts.get("repeated", 0):]
    return head, body


@pytest.fixture(scope="module")
def normalized(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("seeds") / "project")
    ingest(project, project / "seeds", project / "content", Diagnostics(), missing_only=False)
    return project


@pytest.mark.parametrize("key", sorted(SLUGS))
def test_page_matches_golden(normalized: Path, key: str) -> None:
    produced = (normalized / "content" / "reports" / f"{SLUGS[key]}.md").read_text(encoding="utf-8")
    expected = (GOLDEN / f"{SLUGS[key]}.md").read_text(encoding="utf-8")
    assert produced == expected


@pytest.mark.parametrize("key", sorted(SLUGS))
def test_every_body_sentence_reaches_the_page_in_order(built_site: Path, key: str) -> None:
    head, body = body_lines(key)
    page = BeautifulSoup((built_site / "reports" / SLUGS[key] / "index.html").read_text(encoding="utf-8"), "html.parser")
    header_text = squash(page.select_one(".report-header").get_text())
    body_text = squash(page.select_one(".report-body").get_text())
    for line in head:
        assert squash(line) in header_text, line
    position = 0
    count = 0
    for line in body:
        for sentence in sentences(line):
            found = body_text.find(squash(sentence), position)
            assert found >= 0, f"missing or out of order: {sentence}"
            position = found + len(squash(sentence))
            count += 1
    assert count >= 5


@pytest.mark.parametrize("key", sorted(SLUGS))
def test_no_furniture_on_the_page(built_site: Path, key: str) -> None:
    page = (built_site / "reports" / SLUGS[key] / "index.html").read_text(encoding="utf-8")
    main = BeautifulSoup(page, "html.parser").select_one("main")
    article_text = main.select_one(".report-header").get_text() + main.select_one(".report-body").get_text()
    for junk in FURNITURE:
        assert junk not in article_text, junk
    for remnant in MARKUP:
        assert remnant not in str(main), remnant
    # An address, not any "@": the cite block's BibTeX entries begin "@article{".
    assert not re.search(r"[\w.+-]+@[\w-]+\.\w", main.get_text()), "an e-mail address is left on the page"


def test_repeated_portal_summary_is_kept_once(built_site: Path) -> None:
    page = (built_site / "reports" / SLUGS["001"] / "index.html").read_text(encoding="utf-8")
    body = BeautifulSoup(page, "html.parser").select_one(".report-body").get_text()
    assert body.count("아마존 등의 클라우드컴퓨팅 서비스를 이용하면") == 1
    assert body.count("조 바이든 미국 행정부가 중국의 인공지능(AI) 개발을 억제하기 위해") == 1


def test_glued_byline_is_split_without_losing_the_sentence(built_site: Path) -> None:
    page = BeautifulSoup((built_site / "reports" / SLUGS["002"] / "index.html").read_text(encoding="utf-8"), "html.parser")
    last = page.select(".report-body p")[-1].get_text()
    assert last.endswith("엔비디아 칩을 대규모로 사들이고 있다.")
    assert "김영욱" in page.select_one(".report-meta").get_text()


def test_section_markers_become_headings(built_site: Path) -> None:
    page = BeautifulSoup((built_site / "reports" / SLUGS["003"] / "index.html").read_text(encoding="utf-8"), "html.parser")
    headings = [h.get_text() for h in page.select(".report-body h2")]
    assert headings == ["美 AI 칩·기술 수출 규제 불구…中 인공지능 굴기 전력 경주", "中 수출 규제 무력화 시도…美 정부 클라우드 이용 접근 차단 대응"]


def test_captions_keep_their_credit_and_images_are_not_hotlinked(built_site: Path) -> None:
    hani = BeautifulSoup((built_site / "reports" / SLUGS["000"] / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert hani.select_one("figure .credit").get_text() == "사진 임지선 기자"
    zdnet = BeautifulSoup((built_site / "reports" / SLUGS["004"] / "index.html").read_text(encoding="utf-8"), "html.parser")
    figure = zdnet.select_one("figure")
    assert figure.select_one(".credit").get_text() == "(사진=클립아트코리아)"
    assert figure.select_one("a")["href"].startswith("https://t1.daumcdn.net/news/202511/28/")
    for page in built_site.rglob("*.html"):
        assert not BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select("img[src^=http]"), page


def test_front_matter_of_the_five(normalized: Path) -> None:
    """Facts checked against provenance.md, field by field."""
    from microsite.content.frontmatter import parse_page

    def front(key):
        return parse_page((normalized / "content" / "reports" / f"{SLUGS[key]}.md").read_text(encoding="utf-8"), key).front

    expected = {
        "000": ("한겨레", "2024-07-18", [], ["디인포메이션"]),
        "001": ("문화일보", "2023-07-04", ["김남석"], ["월스트리트저널(WSJ)"]),
        "002": ("디지털타임스", "2024-08-26", ["김영욱"], ["월스트리트저널(WSJ)", "파이낸셜타임스"]),
        "003": ("뉴스드림", "2024-08", [], ["코인텔레그래프(Cointelegraph)", "로이터 통신"]),
        "004": ("지디넷코리아", "2025-11-28", ["한정호"], ["파이낸셜타임즈"]),
    }
    for key, (outlet, published, authors, cites) in expected.items():
        data = front(key)
        assert (data["outlet"], data["published"], data["authors"], data["cites"]) == (outlet, published, authors, cites), key
        assert data["source"] == f"seeds/{next(p.name for p in SEEDS if p.name.startswith(key))}"
        assert data["language"] == "ko" and data["rights"]
        assert data["slug"] == SLUGS[key]
    assert front("001")["dateline"] == "워싱턴"
    assert front("004")["provenance"]["published"] == "text"  # "작성일 11-28" + the image address 202511/28
    assert front("000")["provenance"]["published"] == "manifest"
    assert front("003")["provenance"]["title"] == "manifest"
    assert front("001")["rights"] == "Copyright © 문화일보. 무단전재 및 재배포 금지."
    assert "사진" not in " ".join(front("000")["authors"])
