"""The normalization audit: what the normalizer records of each line of a capture (kept as
body, heading or caption, read as metadata, removed, and by which rule), on captures written
here and on the five seeds, and the source page that shows it, in Chromium."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, build, serve
from playwright.sync_api import expect

from microsite.ingest.audit import FATES, RULES, LineFate, audit_seed
from microsite.ingest.normalize import extract
from microsite.lang.ko import words
from microsite.output.views.audit import FOLD_SHOWN, SHOWN_LINES, TEXT_SHOWN, audit_view


def fates(text: str) -> list[tuple[int, str]]:
    return [(line.line, line.rule) for line in extract(text).fates]


PORTAL = "\n".join([
    "홈", "정치", "경제", "사회",  # 1–4
    "",
    "미국, 클라우드 우회 차단 나선다",  # 6
    "홍길동 기자",
    "입력 2024.08.26 10:00",
    "",
    "미국 상무부가 중국 기업의 클라우드 이용을 막는 규정을 내놓았다. 규정은 해외 데이터센터에도 적용된다.",  # 10
    "중국 기업들은 그동안 해외 데이터센터를 빌려 엔비디아의 첨단 칩을 써 왔다고 외신은 전했다.",
    "관련기사",  # 12
    "엔비디아, 새 칩 내놓는다",
    "삼성, 반도체 투자 늘린다",
    "규정은 내년부터 시행된다고 상무부는 밝혔다. 업계는 영향을 따져보고 있다.",  # 15
    "클라우드 업체들은 중국 고객의 신원을 확인하는 절차를 새로 마련해야 한다. 위반하면 벌금을 물게 된다.",
    "공유하기",
    "Copyright © 한빛일보. 무단전재 및 재배포 금지.",
    "많이 본 뉴스",  # 19
    "1 어떤 다른 뉴스의 제목",
]) + "\n"


def test_a_text_capture_says_of_every_line_what_became_of_it_and_why() -> None:
    assert fates(PORTAL) == [
        (1, "menu"), (2, "menu"), (3, "menu"), (4, "menu"), (5, "blank"),
        (6, "title"), (7, "byline"), (8, "stamp"), (9, "blank"),
        (10, "paragraph"), (11, "paragraph"),
        (12, "link-box"), (13, "link-box"), (14, "link-box"),  # a box of links inside the article goes whole
        (15, "paragraph"), (16, "paragraph"),
        (17, "interface"), (18, "rights"), (19, "after-article"), (20, "after-article"),
    ]
    lines = extract(PORTAL).fates
    assert [line.fate for line in lines[5:8]] == ["metadata"] * 3
    assert lines[11].fate == "removed" and lines[9].fate == "body"
    assert lines[0].text == "홈" and lines[9].text.startswith("미국 상무부가")


def test_the_page_made_of_the_capture_is_what_its_record_says() -> None:
    extracted = extract(PORTAL)
    assert extracted.title == "미국, 클라우드 우회 차단 나선다" and extracted.authors == ("홍길동",)
    assert [block.text.split()[0] for block in extracted.blocks] == ["미국", "중국", "규정은", "클라우드"]


def test_a_headline_with_a_stamp_glued_to_it_is_both_and_says_so() -> None:
    lines = extract("수출 규제 논의 계속 작성일 11-28 42 목록\n"
                    "미국과 중국이 다시 만났다. 회담은 두 시간 동안 이어졌다. 양측은 다음 달 다시 만나기로 했다.\n").fates
    assert [(line.rule, line.also) for line in lines] == [("title", ("stamp",)), ("paragraph", ())]


def test_a_table_in_text_keeps_its_rows_and_drops_the_rule_under_its_header() -> None:
    assert fates("\n".join([
        "클라우드 수출 통제 현황", "홍길동 기자",
        "미국 상무부가 클라우드 업체의 중국 고객을 조사한다고 밝혔다. 조사는 내년까지 이어진다.",
        "| 구분 | 2023년 | 2024년 |", "|---|---|---|", "| 매출 | 10 | 20 |", "| 이익 | 1 | 2 |",
        "표의 숫자는 회사 발표를 따랐다고 업계는 설명했다."])) == [
        (1, "title"), (2, "byline"), (3, "paragraph"), (4, "table-row"), (5, "table-rule"), (6, "table-row"),
        (7, "table-row"), (8, "paragraph")]


def test_a_pdfs_running_lines_go_and_a_sentence_cut_by_a_page_break_keeps_both_its_lines() -> None:
    def page(number: int, body: list[str]) -> str:
        return "\n".join(["Harbour Review", *body, f"Harbour Review | page {number}"])

    text = "\f".join([
        page(1, ["Cloud rules tighten for chip buyers", "By Jane Smith",
                 "The Commerce Department said on Monday that cloud providers must check who rents their chips.",
                 "Officials said the rule closes a gap that let buyers reach the chips"]),
        page(2, ["through data centres abroad, and providers have until March to comply with it.",
                 "Industry groups said they would study the rule before commenting on it."])])
    lines = extract(text).fates
    assert [(line.line, line.rule) for line in lines] == [
        (1, "page-furniture"), (2, "title"), (3, "byline"), (4, "paragraph"), (5, "paragraph"),
        (6, "page-furniture"),  # page 1's footer and page 2's header: one line of the file, split by the page break
        (7, "paragraph"), (8, "paragraph"), (9, "page-furniture")]
    assert "page 1\fHarbour" in lines[5].text


HTML = """<html lang="ko"><head><meta property="og:title" content="미국, 클라우드 우회 차단 나선다"></head>
<body>
<nav><a href="/">홈</a> <a href="/p">정치</a></nav>
<script>var tracking = 1;</script>
<article>
<h1>미국, 클라우드 우회 차단 나선다</h1>
<p class="byline">홍길동 기자</p>
<p>미국 상무부가 중국 기업의 클라우드 이용을 막는 규정을 내놓았다. 규정은 해외 데이터센터에도 적용된다.</p>
<figure><img src="https://example.com/a.jpg"><figcaption>상무부 청사. 사진 홍길동 기자</figcaption></figure>
<h2>업계 반응</h2>
<p>규정은 내년부터 시행된다고 상무부는 밝혔다.
업계는 영향을 따져보고 있다.</p>
</article>
<aside class="related"><ul><li>다른 기사 하나</li><li>다른 기사 둘</li></ul></aside>
<footer>Copyright © 한빛일보. 무단전재 및 재배포 금지.</footer>
</body></html>
"""


def test_an_html_capture_is_audited_by_the_lines_of_text_it_reads_each_with_its_line_in_the_file() -> None:
    lines = extract(HTML).fates
    assert [(line.line, line.at, line.rule) for line in lines] == [
        (1, 3, "box"),  # the <nav>, its links one line of text
        (2, 6, "title"), (3, 7, "byline"), (4, 8, "paragraph"), (5, 9, "caption"), (6, 10, "heading"),
        (7, 11, "paragraph"),  # a paragraph over two lines of the file: where it starts
        (8, 14, "box"), (9, 14, "box"),  # two items of a related list, on one line of the file
        (10, 15, "rights"),
    ]
    assert lines[0].text == "홈 정치" and lines[6].text.endswith("따져보고 있다.")
    assert not any("tracking" in line.text for line in lines)  # a script is markup, not a line


SEEDS = ROOT / "seeds"
# Several lines of each seed and what a reader sees became of them (by its line in the file;
# for the HTML capture, by the line of text read).
SEED_LINES = {
    "000_917d64508556bdff.txt": {1: "interface", 2: "blank", 3: "title", 4: "caption", 6: "paragraph", 14: "paragraph",
                                 16: "masthead", 18: "after-article", 38: "after-article"},
    "001_a46f637c51e4cce2.txt": {1: "title", 2: "interface", 3: "summary", 5: "interface", 7: "deck", 10: "deck",
                                 11: "byline", 12: "paragraph", 17: "rights", 18: "after-article"},
    "002_cfd0560a8afc951a.txt": {1: "title", 2: "deck", 3: "deck", 4: "paragraph", 17: "paragraph", 18: "rights",
                                 28: "after-article"},
    "003_d5f99f8ceb04c24e.txt": {1: "paragraph", 3: "heading", 13: "heading", 23: "paragraph"},
    "004_c0ad24a0d186beb7.txt": {1: "title", 2: "deck", 3: "paragraph", 6: "caption", 16: "byline", 17: "rights",
                                 18: "after-article"},
}


@pytest.mark.parametrize("seed", sorted(SEED_LINES))
def test_the_seeds_lines_meet_the_fates_a_reader_gives_them(seed: str) -> None:
    data = (SEEDS / seed).read_bytes()
    lines = audit_seed(data)
    found = {line.line: line.rule for line in lines}
    assert {number: found[number] for number in SEED_LINES[seed]} == SEED_LINES[seed]
    assert [line.line for line in lines] == list(range(1, len(lines) + 1))
    if seed.startswith("004"):  # HTML on one line of the file: 18 lines of text read from it
        assert len(lines) == 18 and {line.at for line in lines} == {1}
        assert lines[0].also == ("stamp",)  # "… 작성일 11-28 42 목록" glued to the headline
    else:
        assert len(lines) == data.decode("utf-8").removesuffix("\n").count("\n") + 1
    counts = audit_view(lines, words)["summary"]
    assert sum(entry["count"] for entry in counts) == len(lines)
    assert all(sum(rule["count"] for rule in entry["rules"]) == entry["count"] for entry in counts)


def test_every_rule_has_a_fate_and_a_label() -> None:
    assert set(RULES.values()) == set(FATES) == set(words.FATE_LABELS)
    assert set(RULES) == set(words.RULE_LABELS)


def test_every_capture_is_audited_line_for_line() -> None:
    captures = [path for path in sorted((ROOT / "tests/captures").iterdir()) if path.suffix in (".txt", ".html")]
    assert len(captures) > 40
    for path in captures:
        lines = audit_seed(path.read_bytes())
        assert lines and [line.line for line in lines] == list(range(1, len(lines) + 1)), path.name
        assert all(line.rule in RULES for line in lines), path.name
        assert any(line.fate == "body" for line in lines), path.name


def _long(count: int) -> tuple[LineFate, ...]:
    """A long capture: a title, then blocks of 3 paragraphs and 10 removed lines, and 600 removed lines at the end."""
    lines = [LineFate(1, "제목", "title")]
    while len(lines) < count:
        for _ in range(3):
            lines.append(LineFate(len(lines) + 1, "문장이다. " * 100, "paragraph"))
        for _ in range(10):
            lines.append(LineFate(len(lines) + 1, "메뉴", "menu"))
    lines += [LineFate(len(lines) + n + 1, "", "blank") for n in range(600)]
    return tuple(lines)


def test_runs_of_removed_lines_fold_and_a_long_capture_lists_its_first_lines_counting_all() -> None:
    short = _long(30)
    view = audit_view(short, words)
    groups = view["groups"]
    assert [(group["folded"], group["first"], group["last"]) for group in groups[:3]] == [
        (False, 1, 4), (True, 5, 14), (False, 15, 17)]
    assert groups[1]["labels"] == "메뉴 10" and len(groups[1]["lines"]) == 10
    assert groups[-1]["folded"] and groups[-1]["count"] > FOLD_SHOWN and groups[-1]["lines"] == []  # only counted
    assert view["rest"] == 0 and view["total"] == len(short)
    assert len(groups[0]["lines"][1]["text"]) == TEXT_SHOWN + 1  # 600 characters, cut

    long = _long(100_000)
    view = audit_view(long, words)
    listed = sum(group["count"] if group["folded"] else len(group["lines"]) for group in view["groups"])
    assert SHOWN_LINES <= listed < SHOWN_LINES + 15 and view["rest"] == len(long) - listed
    assert sum(entry["count"] for entry in view["summary"]) == len(long)  # the counts cover all of it


@pytest.fixture(scope="module")
def long_site(tmp_path_factory) -> Path:
    """The five reports and a long capture: 6,000 sentences between a menu and a trailer of 500 links."""
    from conftest import copy_project
    project = copy_project(tmp_path_factory.mktemp("audit") / "project")
    lines = ["홈", "정치", "경제", "사회", "", "클라우드 규제 길게 보기", "홍길동 기자", "입력 2024.05.02 10:00", ""]
    lines += [f"{n}번째 문단에서 미국 상무부는 엔비디아 칩 수출 통제를 강화한다고 밝혔다." for n in range(1, 6001)]
    lines += ["Copyright © 한빛일보. 무단전재 및 재배포 금지.", "많이 본 뉴스"]
    lines += [f"- 다른 기사 {n}" for n in range(500)]
    (project / "seeds" / "900_long.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    build(project, search=False)
    return project / "site"


def test_a_long_capture_gives_a_page_of_bounded_size_that_still_counts_every_line(long_site: Path) -> None:
    page = long_site / "sources" / "900-long" / "index.html"
    assert page.stat().st_size < 2_500_000
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    counts = {item["data-filter"]: item.select_one(".count").get_text() for item in soup.select(".audit-summary > li")}
    assert counts == {"body": "6000줄", "metadata": "4줄", "removed": "505줄", "blank": "2줄"}
    assert len(soup.select(".audit-lines li[data-rule]")) <= SHOWN_LINES
    assert "나머지" in soup.select_one(".audit > p.note:last-child").get_text()
    from microsite.check import validate_html
    assert validate_html(long_site, ROOT, [page]) == []


def test_the_report_page_links_its_audit_from_its_provenance(built_site: Path) -> None:
    report = BeautifulSoup((built_site / "reports/hani-2024-07-ms-google-cloud-china/index.html").read_text(encoding="utf-8"),
                           "html.parser")
    link = report.select_one("details.provenance a[href$='#audit']")
    assert link.get_text() == "정리 내역 보기" and link["href"] == "../../sources/hani-2024-07-ms-google-cloud-china/#audit"


def _visible(page) -> list[str]:
    return page.eval_on_selector_all(".audit-lines li[data-rule]", "rows => rows.filter(r => r.checkVisibility()).map(r => r.id)")


def test_the_summary_filters_the_lines_and_a_line_address_opens_its_fold(browser, served: dict) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(served["/"] + "sources/hani-2024-07-ms-google-cloud-china/")
    audit = page.locator("#audit")
    assert len(_visible(page)) == 16  # 38 lines, 22 of them in a folded run (17–38)
    audit.get_by_role("button", name=re.compile("^메타데이터")).click()
    expect(audit.locator(".audit-status")).to_have_text("메타데이터 2줄만 보입니다.")
    assert _visible(page) == ["L3", "L16"]  # the headline, the outlet's name
    audit.get_by_role("button", name=re.compile("^기사 뒷부분")).click()
    assert _visible(page) == [f"L{n}" for n in range(18, 39)]  # the fold opens to show them
    expect(audit.get_by_role("button", name=re.compile("^기사 뒷부분"))).to_have_attribute("aria-pressed", "true")
    audit.get_by_role("button", name=re.compile("^기사 뒷부분")).click()  # again: every line
    expect(audit.locator(".audit-status")).to_have_text("")
    assert len(_visible(page)) == 16
    page.goto(served["/"] + "sources/hani-2024-07-ms-google-cloud-china/#L25")
    line = page.locator("#L25")
    expect(line).to_be_in_viewport()
    expect(line.locator(".fate")).to_have_text("제거")
    expect(line.locator(".rule")).to_have_text("기사 뒷부분")
    expect(line.locator("a.ln")).to_have_attribute("href", "#L25")
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_audit_reads_at_375_px_with_its_labels_as_words(browser, served: dict, scheme: str) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 800}, color_scheme=scheme)
    page = context.new_page()
    page.goto(served["/"] + "sources/munhwa-2023-07-us-cloud-access-curb/#audit")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    row = page.locator("#L11")
    expect(row.locator(".fate")).to_have_text("메타데이터")
    expect(row.locator(".rule")).to_have_text("기자 표기")
    boxes = [row.locator(selector).bounding_box() for selector in ("a.ln", ".fate", ".text")]
    assert all(box["x"] >= 0 and box["x"] + box["width"] <= 375 for box in boxes)
    assert boxes[2]["y"] > boxes[1]["y"] + boxes[1]["height"] - 1  # the text under its number and label, not squeezed beside
    assert boxes[2]["width"] > 300
    contrast = row.locator(".fate").evaluate("e => [getComputedStyle(e).color, getComputedStyle(document.body).backgroundColor]")
    assert contrast[0] != contrast[1]
    context.close()


def test_without_javascript_every_line_is_listed_and_the_counts_are_plain_text(browser, served: dict) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(served["/"] + "sources/dt-2024-08-overseas-cloud-h100/")
    assert page.locator("#audit .audit-summary button").count() == 0
    expect(page.locator("#audit .audit-summary > li").first).to_contain_text("본문 14줄")
    assert len(_visible(page)) == 18  # 28 lines; the 10 links after the article folded
    context.close()


def test_a_long_capture_in_the_browser_opens_a_far_line_and_stays_on_the_screen(browser, long_site: Path) -> None:
    with serve(long_site) as root:
        context = browser.new_context(viewport={"width": 375, "height": 800})
        page = context.new_page()
        page.goto(root + "sources/900-long/#L2500")
        expect(page.locator("#L2500")).to_be_in_viewport()
        assert page.evaluate("document.documentElement.scrollWidth") <= 375
        page.locator("#audit").get_by_role("button", name=re.compile("^제거")).click()
        expect(page.locator("#audit .audit-status")).to_have_text(re.compile(r"^제거 \d+줄만 보입니다\.$"))
        context.close()


@pytest.mark.parametrize("width", [1280, 375])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_on_an_html_captures_audit_filtered_and_unfolded(browser, served: dict, scheme: str,
                                                                           width: int) -> None:
    from test_accessibility import axe_violations
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme, bypass_csp=True)  # to inject axe
    page = context.new_page()
    page.goto(served["/repo/"] + "sources/zdnet-2025-11-offshore-ai-training/#audit")
    expect(page.locator("#L1 .at")).to_have_text("원문 1행")
    page.locator("#audit").get_by_role("button", name=re.compile("^제거")).click()
    expect(page.locator("#L18")).to_be_visible()
    violations = axe_violations(page)
    context.close()
    assert violations == []


def test_the_source_pages_are_valid_html(built_site: Path) -> None:
    from microsite.check import validate_html
    pages = sorted((built_site / "sources").glob("*/index.html"))
    assert len(pages) == 5 and validate_html(built_site, ROOT, pages) == []


def test_a_build_keeps_each_seeds_audit_in_the_record_as_a_fresh_reading_gives_it(long_site: Path) -> None:
    import hashlib
    import json

    from microsite.ingest.audit import replayed
    from microsite.ingest.decode import decode_seed
    from microsite.ingest.normalize import capture_units
    project = long_site.parent
    kept = json.loads((project / "content" / "reports" / ".normalized.json").read_text(encoding="utf-8"))
    seeds = sorted(path for path in (project / "seeds").glob("*.txt"))
    assert len(seeds) == 6
    for seed in seeds:
        data = seed.read_bytes()
        audit = kept[f"seeds/{seed.name}"]["audit"]
        assert audit["sha256"] == hashlib.sha256(data).hexdigest()
        assert replayed(audit["lines"], capture_units(decode_seed(data).text)) == audit_seed(data), seed.name


def test_a_cold_build_shows_the_audit_the_record_keeps_and_reads_the_capture_again_only_without_one(tmp_path: Path) -> None:
    """Through the command line: the record, not a new reading, says what became of each
    line (it describes the run that made the page); a record that does not fit the capture
    is read again."""
    import json
    import shutil

    from commands import built_clone, run
    project = built_clone(tmp_path / "clone", "--no-search")
    record_path = project / "content" / "reports" / ".normalized.json"
    seed = "seeds/000_917d64508556bdff.txt"
    page = project / "site" / "sources" / "hani-2024-07-ms-google-cloud-china" / "index.html"

    def first_line_rule(lines: str) -> str:
        record = json.loads(record_path.read_text(encoding="utf-8"))
        record[seed]["audit"]["lines"] = lines
        record_path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
        for folder in ("site", ".cache"):
            shutil.rmtree(project / folder)
        result = run(project, "--no-search")
        assert result.returncode == 0, result.stderr
        return BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select_one("#L1")["data-rule"]

    lines = json.loads(record_path.read_text(encoding="utf-8"))[seed]["audit"]["lines"]
    assert lines.startswith("interface ")
    assert first_line_rule(lines.replace("interface ", "menu ", 1)) == "menu"
    assert first_line_rule("menu blank title") == "interface"  # three lines for a capture of 38: read again
