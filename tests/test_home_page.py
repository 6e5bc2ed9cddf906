"""The home page as an overview of the archive: what it holds (reports, outlets, the span
of their dates, the names most reports mention, a bar per month), the reports grouped by
month with a pager that names each page's months, and the filters by outlet, year and
name that live in the address — checked in the HTML and data files, in process, and in
real Chromium at five and at a thousand reports."""
from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path
from urllib.parse import quote

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, build, copy_project, decode, watched
from playwright.sync_api import expect
from test_accessibility import axe_violations

from microsite.content.config import load_config
from microsite.output import Site, planned_pages, render
from microsite.output.views import lists
from microsite.pipeline.sync import Pipeline

Z, D, N, H, M = "zdnet-2025-11-offshore-ai-training", "dt-2024-08-overseas-cloud-h100", "newsdream-2024-08-aws-tenders", \
    "hani-2024-07-ms-google-cloud-china", "munhwa-2023-07-us-cloud-access-curb"  # newest first
OUTLETS = {Z: "지디넷코리아", D: "디지털타임스", N: "뉴스드림", H: "한겨레", M: "문화일보"}


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def slugs(items) -> list[str]:
    return [a["href"].rstrip("/").rsplit("/", 1)[1] for a in items]


# ------------------------------------------------------------------- the built page


def test_the_overview_says_what_the_archive_holds(built_site: Path) -> None:
    home = soup(built_site / "index.html")
    overview = home.select_one("section.home-overview")
    facts = {div.dt.get_text(): div.dd.get_text(" ", strip=True) for div in overview.select(".archive-facts > div")}
    assert facts == {"보도": "5건", "매체": "5곳", "기간": "2023년 7월 4일 – 2025년 11월 28일"}
    assert [t["datetime"] for t in overview.select(".archive-facts time")] == ["2023-07-04", "2025-11-28"]
    names = [(a.get_text(), a.find_next_sibling("span").get_text(), a["href"]) for a in overview.select(".top-names a")]
    # Nvidia is named in all five; China and the US too, but places are left out (every report names one)
    assert names[0] == ("엔비디아", "5건", "./entities/nvidia/") and len(names) == lists.TOP_ENTITIES
    assert not {"중국", "미국"} & {name for name, _, _ in names}
    reports = {e["id"]: len({m["report"] for m in e["mentions"]}) for e in
               json.loads((built_site / "data" / "entities.json").read_text(encoding="utf-8"))["entities"]}
    counts = [int(count[:-1]) for _, count, _ in names]
    assert counts == sorted(counts, reverse=True)
    assert all(reports[href.split("/")[-2]] == count for (_, _, href), count in zip(names, counts, strict=True))
    kinds = {e.stem: "kind: place" in e.read_text(encoding="utf-8") for e in (ROOT / "content" / "entities").glob("*.md")}
    left_out = {entity for entity in reports if not kinds[entity]} - {href.split("/")[-2] for _, _, href in names}
    assert max(reports[entity] for entity in left_out) <= min(counts)  # the handful are the most named
    # one bar per month with reports, each a link to its month's group
    bars = {a.get_text(): a["href"] for a in overview.select("a.bar")}
    assert bars == {"2023년 7월: 1건": "#m2023-07", "2024년 7월: 1건": "#m2024-07", "2024년 8월: 2건": "#m2024-08",
                    "2025년 11월: 1건": "#m2025-11"}
    assert all(home.find(id=href[1:]) for href in bars.values())
    assert [a.get_text(" ", strip=True) for a in overview.select("a.chart-year")] == ["2023년 1건", "2024년 3건", "2025년 1건"]


def test_reports_are_grouped_by_month_newest_first(built_site: Path) -> None:
    home = soup(built_site / "index.html")
    groups = home.select("#home-list section.report-month")
    assert [g.h3.get_text(" ", strip=True) for g in groups] == ["2025년 11월 1건", "2024년 8월 2건", "2024년 7월 1건", "2023년 7월 1건"]
    assert [g.h3["id"] for g in groups] == ["m2025-11", "m2024-08", "m2024-07", "m2023-07"]
    # a report known only to the month (뉴스드림, 2024-08) is in its month, after the ones known to the day
    assert [slugs(g.select(".report-item h4 a")) for g in groups] == [[Z], [D, N], [H], [M]]
    assert [item.select_one(".outlet").get_text() for item in home.select(".report-item")] == [OUTLETS[s] for s in (Z, D, N, H, M)]
    # the filters are in the page but hidden until their data is read; search does not index the home page
    assert home.select_one("form#home-filter").has_attr("hidden") and not home.select("[data-pagefind-body]")
    assert [s["name"] for s in home.select("#home-filter select")] == ["outlet", "year", "entity"]
    assert [s["src"] for s in home.select("script[src]")][-2:] == ["./assets/filters.js", "./assets/home.js"]
    assert not home.select("script:not([src])") and not home.select("[style]")


@pytest.fixture
def normalized(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project", with_reports=True)


def site_of(project: Path) -> Site:
    return Pipeline(load_config(project), search=False).prepare().site


def with_dates(site: Site, dates: dict[str, str]) -> Site:
    """*site* with some reports' publication dates changed, the corpus newest first again."""
    reports = tuple(replace(r, published=dates.get(r.slug, r.published)) for r in site.model.corpus.reports)
    reports = tuple(sorted(reports, key=lambda r: (r.published or "0000", r.slug), reverse=True))
    model = site.model
    return Site(site.config, replace(model, corpus=replace(model.corpus, reports=reports)), site.templates)


def home_page(site: Site, number: int = 1) -> BeautifulSoup:
    page = [p for p in planned_pages(site) if p.kind.name == "home"][number - 1]
    return BeautifulSoup(render(site, page)[0], "html.parser")


def test_undated_reports_come_last_and_months_hold_reports_known_to_the_month(normalized: Path) -> None:
    site = with_dates(site_of(normalized), {H: "", Z: "2024-07", M: "2024-07-30"})
    months = [(m.key, m.label, m.first, m.count) for m in lists.months(site)]
    assert months == [("m2024-08", "2024년 8월", 0, 2), ("m2024-07", "2024년 7월", 2, 2), ("undated", "날짜 미상", 4, 1)]
    home = home_page(site)
    groups = home.select("#home-list section.report-month")
    assert [slugs(g.select("h4 a")) for g in groups] == [[D, N], [M, Z], [H]]
    assert groups[-1].h3.get_text(" ", strip=True) == "날짜 미상 1건"
    facts = {div.dt.get_text(): div.dd.get_text(" ", strip=True) for div in home.select(".archive-facts > div")}
    assert facts["기간"] == "2024년 7월 – 2024년 8월 26일"  # the undated are not in the span; a month is as precise as it is
    assert {a.get_text() for a in home.select("a.bar")} == {"2024년 7월: 2건", "2024년 8월: 2건"}


@pytest.fixture
def paged_home(project: Path, monkeypatch) -> Path:
    """The five reports two a page."""
    monkeypatch.setattr(lists, "REPORTS_PER_PAGE", 2)
    build(project, search=False)
    return project / "site"


def test_the_pager_names_each_pages_months_and_a_bar_leads_to_the_page_that_holds_its_month(paged_home: Path) -> None:
    spans = ["2025년 11월 – 2024년 8월", "2024년 8월 – 2024년 7월", "2023년 7월"]
    first, second, third = (soup(paged_home / path / "index.html") for path in ("", "page/2", "page/3"))
    assert [a.get_text(" ", strip=True) for a in second.select("nav.pager ol li a, nav.pager ol li [aria-current]")] == \
        [f"{n} {span}" for n, span in zip((1, 2, 3), spans, strict=True)]
    assert second.select_one("a[rel=prev]").get_text(" ", strip=True) == f"← 이전 {spans[0]}"
    assert second.select_one("a[rel=next]").get_text(" ", strip=True) == f"다음 → {spans[2]}"
    assert second.select_one("h1").get_text(" ", strip=True).endswith(f"2쪽: {spans[1]}")
    # August 2024 runs over pages 1 and 2, and says so on both
    assert first.find(id="m2024-08").get_text(" ", strip=True) == "2024년 8월 1건 (다음 쪽에 이어짐)"
    assert second.find(id="m2024-08").get_text(" ", strip=True) == "2024년 8월 1건 (앞 쪽에서 이어짐)"
    # the overview is on the first page only; each bar leads to its month on the page that holds its first report
    assert first.select(".home-overview") and not second.select(".home-overview")
    bars = {a.get_text(): a["href"] for a in first.select(".home-overview a.bar")}
    assert bars == {"2025년 11월: 1건": "#m2025-11", "2024년 8월: 2건": "#m2024-08", "2024년 7월: 1건": "page/2/#m2024-07",
                    "2023년 7월: 1건": "page/3/#m2023-07"}
    for href in bars.values():
        path, _, key = href.partition("#")
        assert soup(paged_home / path / "index.html").find(id=key), href
    assert [a["href"] for a in first.select(".home-overview a.chart-year")] == ["page/3/#m2023-07", "#m2024-08", "#m2025-11"]
    assert [slugs(page.select(".report-item h4 a")) for page in (first, second, third)] == [[Z, D], [N, H], [M]]


def test_the_filters_data_files_list_every_report_once_in_page_order(built_site: Path) -> None:
    folder = built_site / "page" / "data"
    manifest = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    assert manifest["sections"] == [["m2025-11", "2025년 11월", 0, 1], ["m2024-08", "2024년 8월", 1, 2],
                                    ["m2024-07", "2024년 7월", 3, 1], ["m2023-07", "2023년 7월", 4, 1]]
    assert manifest["count"] == 5 and manifest["per_page"] == lists.REPORTS_PER_PAGE
    records = json.loads((folder / "reports" / "0.json").read_text(encoding="utf-8"))
    assert [r["u"] for r in records] == [f"reports/{s}/" for s in (Z, D, N, H, M)]
    assert records[2] == {"u": f"reports/{N}/", "t": "중국, 아마존·MS 클라우드로 美 첨단 칩 규제 우회", "o": "뉴스드림", "d": "2024년 8월",
                          "p": "2024-08", "n": "원문에 제목이 없어 연구자가 붙인 제목입니다.", "x": records[2]["x"]}
    assert records[2]["x"].startswith("인공지능(AI) 선도국가로") and "동남아 데이터센터서 엔비디아 GPU 활용" in " ".join(records[0]["k"])
    assert records[1]["d"] == "2024년 8월 26일 (추정)"
    outlets = {name: (count, file) for name, count, file in manifest["outlets"]}
    assert {name: count for name, (count, _) in outlets.items()} == dict.fromkeys(OUTLETS.values(), 1)
    hani = decode(json.loads((folder / "outlet" / f"{outlets['한겨레'][1]}.json").read_text())["n"])
    assert hani == [3]
    entities = {entity: (name, count) for entity, name, count in manifest["entities"]}
    assert entities["nvidia"] == ("엔비디아", 5) and entities["bytedance"] == ("바이트댄스", 2)
    assert decode(json.loads((folder / "entity" / "nvidia.json").read_text())["n"]) == [0, 1, 2, 3, 4]
    assert decode(json.loads((folder / "entity" / "bytedance.json").read_text())["n"]) == [0, 1]  # 지디넷코리아, 디지털타임스


def test_a_filtered_view_of_a_thousand_reports_needs_a_few_small_files(large_site: Path) -> None:
    """Whatever the filter, a view fetches the manifest, one list per filter and at most
    SHOWN files of reports: a small part of the archive's data."""
    folder = large_site / "page" / "data"
    manifest = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    size = {kind: max(p.stat().st_size for p in (folder / kind).glob("*.json")) for kind in ("entity", "outlet", "reports")}
    everything = sum(p.stat().st_size for p in folder.glob("**/*.json"))
    worst = (folder / "index.json").stat().st_size + size["entity"] + size["outlet"] + lists.SHOWN * size["reports"]
    assert manifest["count"] == 1000 and len(list((folder / "reports").glob("*.json"))) == 1000 // lists.CHUNK
    assert worst < 200_000, (worst, everything)


def test_the_home_pages_declare_what_they_are_made_of(normalized: Path) -> None:
    """A new name in a report changes the overview's counts: the first home page is made
    again, though no report's summary changed; a sentence that names nobody new changes nothing."""
    pipeline = Pipeline(load_config(normalized), search=False)
    before = pipeline.prepare().keys
    page = normalized / "content" / "reports" / f"{H}.md"
    text = page.read_text(encoding="utf-8")
    last = text.rindex("디인포메이션")
    page.write_text(text[:last] + "새로 " + text[last:], encoding="utf-8")
    same = pipeline.prepare().keys
    assert same["index.html"] == before["index.html"] and same["page/data/index.json"] == before["page/data/index.json"]
    page.write_text(text.rstrip("\n") + "\n\n틱톡 모회사 바이트댄스도 같은 길을 찾고 있다.\n", encoding="utf-8")
    after = pipeline.prepare().keys
    assert after["index.html"] != before["index.html"]  # 바이트댄스 is now in three reports
    assert after["page/data/index.json"] != before["page/data/index.json"]
    assert after["page/data/entity/bytedance.json"] != before["page/data/entity/bytedance.json"]
    assert after["page/data/reports/0.json"] == before["page/data/reports/0.json"]  # what the list shows of a report is as before


# ------------------------------------------------------------------- in Chromium


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
    tab = watched(context)
    yield tab
    context.close()
    assert tab.errors == [], f"JavaScript errors: {tab.errors}"


def shown(page) -> list[str]:
    return page.locator("#home-results .report-item h4 a").evaluate_all(
        "links => links.map(a => a.getAttribute('href').replace(/\\/$/, '').split('/').pop())")


def test_the_overview_shows_the_archive_in_numbers(served: dict, page) -> None:
    page.goto(served["/repo/"])
    facts = page.locator(".archive-facts")
    expect(facts.locator("div", has_text="보도").locator("dd")).to_have_text("5건")
    expect(facts.locator("div", has_text="매체").locator("dd")).to_have_text("5곳")
    expect(facts.locator("div", has_text="기간").locator("dd")).to_have_text("2023년 7월 4일 – 2025년 11월 28일")
    page.locator(".top-names a", has_text="엔비디아").click()
    expect(page).to_have_url(f"{served['/repo/']}entities/nvidia/")


def test_a_month_bar_leads_to_that_months_group(served: dict, page) -> None:
    base = served["/"]
    page.goto(base)
    page.locator(".home-overview a.bar").filter(has_text="2024년 8월: 2건").click()
    expect(page).to_have_url(f"{base}#m2024-08")
    heading = page.locator("#m2024-08")
    expect(heading).to_be_in_viewport()
    expect(heading).to_have_text(re.compile(r"^2024년 8월 2건"))
    expect(page.locator("section.report-month", has=heading).locator(".report-item")).to_have_count(2)


def test_a_bar_of_a_thousand_reports_leads_to_the_page_that_holds_its_month(served_large: str, page) -> None:
    page.goto(served_large)
    bar = page.locator(".home-overview a.bar[href^='page/']").first
    href = bar.get_attribute("href")
    label = bar.inner_text()
    page_path, key = href.split("#")
    bar.click()
    expect(page).to_have_url(f"{served_large}{page_path}#{key}")
    expect(page.locator(f"#{key}")).to_be_in_viewport()
    expect(page.locator(f"#{key}")).to_have_text(re.compile(rf"^{label.split(':')[0]} "))
    expect(page.locator("nav.pager [aria-current=page]")).to_contain_text(page_path.split("/")[1])


def test_each_filter_narrows_the_list_and_lives_in_the_address(served: dict, page) -> None:
    base = served["/repo/"]
    page.goto(base)
    form = page.locator("#home-filter")
    expect(form).to_be_visible()
    form.locator("select[name=year]").select_option("2024")
    expect(page).to_have_url(f"{base}?year=2024")
    expect(page.locator("#home-status")).to_have_text("2024년: 보도 3건")
    expect(page.locator("#home-results .report-item")).to_have_count(3)
    assert shown(page) == [D, N, H]
    expect(page.locator("#home-list")).to_be_hidden()
    expect(page.locator("#home-results h3")).to_have_text(["2024년 8월 2건", "2024년 7월 1건"])
    form.locator("select[name=outlet]").select_option("한겨레")
    expect(page).to_have_url(f"{base}?outlet={quote('한겨레')}&year=2024")
    expect(page.locator("#home-results .report-item")).to_have_count(1)
    assert shown(page) == [H]
    # the overview counts what is shown
    expect(page.locator(".home-overview a.bar .n")).to_have_text(["0", "1", "0", "0"])
    page.go_back()
    expect(page).to_have_url(f"{base}?year=2024")
    expect(page.locator("#home-results .report-item")).to_have_count(3)
    expect(form.locator("select[name=outlet]")).to_have_value("")
    page.go_back()
    expect(page).to_have_url(base)
    expect(page.locator("#home-list")).to_be_visible()
    expect(page.locator("#home-results")).to_be_hidden()
    page.go_forward()
    expect(page.locator("#home-results .report-item")).to_have_count(3)
    # a name, from the address
    page.goto(f"{base}?entity=bytedance")
    expect(page.locator("#home-status")).to_have_text("바이트댄스: 보도 2건")
    assert shown(page) == [Z, D]
    expect(form.locator("select[name=entity]")).to_have_value("bytedance")
    form.locator("select[name=outlet]").select_option("한겨레")
    expect(page.locator("#home-status")).to_contain_text("조건에 맞는 보도가 없습니다")
    page.get_by_role("button", name="필터 해제").click()
    expect(page).to_have_url(base)
    expect(page.locator("#home-list .report-item")).to_have_count(5)


def test_a_filtered_view_of_a_thousand_reports_fetches_a_few_small_files(served_large: str, page, large_site: Path) -> None:
    manifest = json.loads((large_site / "page" / "data" / "index.json").read_text(encoding="utf-8"))
    page.goto(f"{served_large}?entity=nvidia")
    nvidia = next(count for entity, _, count in manifest["entities"] if entity == "nvidia")
    expect(page.locator("#home-status")).to_have_text(f"엔비디아: 보도 {nvidia}건")
    expect(page.locator("#home-results .report-item")).to_have_count(lists.SHOWN)
    page.wait_for_load_state("networkidle")
    reports = [path for path in page.fetched if path.startswith("reports/")]
    assert {"index.json", "entity/nvidia.json"} <= set(page.fetched) and 1 <= len(reports) <= 2, page.fetched
    assert sum(page.fetched.values()) < 60_000, page.fetched
    # the next step of the list fetches the files of its reports only
    page.get_by_role("button", name=re.compile("다음 .*건 →")).click()
    expect(page.locator("#home-results .pager-where")).to_contain_text(f"{lists.SHOWN + 1}–")
    # the quietest outlet in one year: its reports lie all over the archive, and only the files of the shown ones are read
    quiet, _, file = manifest["outlets"][-1]
    numbers = decode(json.loads((large_site / "page" / "data" / "outlet" / f"{file}.json").read_text())["n"])
    in_2024 = [s for s in manifest["sections"] if s[0].startswith("m2024-")]
    low, high = in_2024[0][2], in_2024[-1][2] + in_2024[-1][3]
    matching = [n for n in numbers if low <= n < high]
    # a tab of its own, so that no late report of the first tab's fetches is counted here
    tab = watched(page.context)
    tab.goto(f"{served_large}?outlet={quote(quiet)}&year=2024")
    expect(tab.locator("#home-status")).to_have_text(f"{quiet} · 2024년: 보도 {len(matching)}건")
    expect(tab.locator("#home-results .report-item")).to_have_count(min(len(matching), lists.SHOWN))
    tab.wait_for_load_state("networkidle")
    files = {f"reports/{n // manifest['chunk']}.json" for n in matching[:lists.SHOWN]}
    assert set(tab.fetched) == {"index.json", f"outlet/{file}.json", *files}, tab.fetched
    assert len(files) < (1000 // lists.CHUNK) // 2 and sum(tab.fetched.values()) < 200_000
    assert tab.errors == []


def test_without_javascript_the_paged_list_is_read_and_the_filters_are_not_offered(served_large: str, browser) -> None:
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(f"{served_large}?outlet=nothing")
    expect(tab.locator("#home-filter")).to_be_hidden()
    expect(tab.locator("#home-list .report-item")).to_have_count(lists.REPORTS_PER_PAGE)  # the address's filter is not pretended
    expect(tab.locator("noscript")).to_have_count(1)
    tab.locator("nav.pager a[rel=next]").click()
    expect(tab).to_have_url(f"{served_large}page/2/")
    expect(tab.locator("#home-list .report-item")).to_have_count(lists.REPORTS_PER_PAGE)
    tab.locator("#home-list .report-item h4 a").first.click()
    expect(tab.locator("article.report h1")).to_be_visible()
    context.close()


def test_opened_from_disk_the_list_reads_and_the_filters_stay_hidden(built_site: Path, browser) -> None:
    context = browser.new_context()
    tab = watched(context)
    tab.goto((built_site / "index.html").as_uri() + "?year=2024")
    expect(tab.locator("#home-list .report-item")).to_have_count(5)
    expect(tab.locator("#home-filter")).to_be_hidden()
    tab.locator(".home-overview a.bar").filter(has_text="2024년 7월: 1건").click()
    expect(tab.locator("#m2024-07")).to_be_in_viewport()
    context.close()
    assert tab.errors == []


@pytest.mark.parametrize("width", [1280, 375])
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("size", ["5", "1000", "5, filtered"])
def test_axe_finds_nothing_on_the_home_page(browser, served: dict, served_large: str, size: str, scheme: str, width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme, bypass_csp=True,
                                  service_workers="block")
    tab = context.new_page()
    tab.goto({"5": served["/repo/"], "1000": served_large, "5, filtered": served["/repo/"] + "?entity=nvidia"}[size])
    expect(tab.locator("#home-filter")).to_be_visible()
    if size.endswith("filtered"):
        expect(tab.locator("#home-results .report-item").first).to_be_visible()
    assert tab.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0
    violations = axe_violations(tab)
    context.close()
    assert violations == []
