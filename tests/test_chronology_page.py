"""The chronology page a reader uses, checked in its HTML and data files: sections by year
and month with the date in a gutter, status badges, corroboration, date disagreements,
names and sources; a pager that names each page's dates; links from reports and entity
pages to the chronology's entries; the filters' data files, their shape and what a
filtered view downloads at the scale of 50,000 events."""
from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import build, copy_project, decode

from microsite.content.config import load_config
from microsite.output import Site, planned_pages, render
from microsite.output import site as site_module
from microsite.output.views import chronology as chronology_view
from microsite.output.views.chronology import CHUNK, SHOWN, chronology_files
from microsite.pipeline.sync import Pipeline

M, D, N, H, Z = "munhwa-2023-07-us-cloud-access-curb", "dt-2024-08-overseas-cloud-h100", "newsdream-2024-08-aws-tenders", \
    "hani-2024-07-ms-google-cloud-china", "zdnet-2025-11-offshore-ai-training"


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def exported(site: Path) -> list[dict]:
    return json.loads((site / "data" / "chronology.json").read_text(encoding="utf-8"))


def anchor(event_id: str) -> str:
    return event_id.replace("#", "-").replace(".", "-")


def test_events_are_listed_by_year_and_month_each_date_in_a_gutter(built_site: Path) -> None:
    page = soup(built_site / "chronology" / "index.html")
    year = page.find(id="y2023").find_parent("section")
    assert [h.get_text(" ", strip=True) for h in year.select("h3")] == ["연도만 알려진 일 1건", "6월 1건", "7월 6건", "10월 1건"]
    july = page.find(id="m2023-07").find_parent("section")
    gutters = [li.select_one(".when time") for li in july.select("li.event")]
    # the gutter shows what the headings do not say; the whole date is there for screen readers and copying
    assert [t.get_text() for t in gutters] == ["2023년 7월 4일"] * 4 + ["2023년 7월 6일", "2023년 7월 10일"]
    assert [t.find(string=True, recursive=False) for t in gutters] == ["4일"] * 4 + ["6일", "10일"]
    assert gutters[4]["datetime"] == "2023-07-06"
    week = page.find(id="m2023-06").find_parent("section").select_one("li.event .when time")
    assert week.find(string=True, recursive=False) == "26일∼7월 2일" and week["datetime"] == "2023-W26"
    # a half-year comes before its first month; a year known alone before all its months
    order = [h["id"] for h in page.select("h3.month-title")]
    assert order.index("m2024-h1") == order.index("m2024-01") - 1 and order.index("m2025-y") < order.index("m2025-04")
    assert page.find(id="m2024-h1").find_parent("section").select_one("time").find(string=True, recursive=False) == "상반기"
    # every event keeps the anchor old links use, and has exactly one entry
    ids = [li["id"] for li in page.select("#chrono-list li.event")]
    assert sorted(ids) == sorted(anchor(e["id"]) for e in exported(built_site))


def test_an_event_shows_its_status_names_sources_and_sentence(built_site: Path) -> None:
    page = soup(built_site / "chronology" / "index.html")
    yellen = page.find(id=anchor(f"{M}#p-1.1"))
    assert "future" in yellen["class"] and yellen.select_one(".badge").get_text() == "예정"
    assert [a.get_text() for a in yellen.select(".names .actors a")] == ["재닛 옐런"]  # who: the visit is hers
    assert [a.get_text() for a in yellen.select(".names a")] == ["재닛 옐런", "유럽연합", "허리펑"]
    assert yellen.select_one(".names .actors a")["href"] == "../entities/janet-yellen/"
    sources = yellen.select(".sources a")  # two paragraphs of one report: told apart by paragraph
    assert [a["href"] for a in sources] == [f"../reports/{M}/#p-1", f"../reports/{M}/#p-4"]
    assert [a.get_text() for a in sources] == ["문화일보 · 2023년 7월 4일 1문단", "문화일보 · 2023년 7월 4일 4문단"]
    assert not yellen.select(".flag.corroborated")  # one report, however many sentences
    quotes = yellen.select("details.sentence blockquote")
    assert len(quotes) == 2 and "옐런" in quotes[0].p.get_text() and quotes[1].select_one(".quote-source").get_text() == "— 문화일보 2023년 7월 4일 4문단"
    happened = page.find(id=anchor(f"{H}#p-2.1"))
    assert not happened.select(".badge") and "future" not in happened["class"]
    assert happened.select_one(".sources a").get_text() == "한겨레 · 2024년 7월 18일"
    publication = page.find(id=anchor(f"{H}#published"))
    assert "publication" in publication["class"] and not publication.select("details")  # its title is its headline


@pytest.fixture
def normalized(tmp_path: Path) -> Path:
    """A project with its report pages, read in process."""
    return copy_project(tmp_path / "project", with_reports=True)


def page_with(project: Path, change) -> BeautifulSoup:
    """The chronology's first page for the project's model with its events changed by *change*."""
    pipeline = Pipeline(load_config(project), search=False)
    site = pipeline.prepare().site
    model = site.model
    chronology = replace(model.chronology, events=tuple(change(e) for e in model.chronology.events))
    changed = Site(site.config, replace(model, chronology=chronology), site.templates)
    first = next(p for p in planned_pages(changed) if p.kind.name == "chronology")
    return BeautifulSoup(render(changed, first)[0], "html.parser")


def test_corroboration_disagreeing_dates_credited_outlets_and_every_status_are_shown(normalized: Path) -> None:
    """What the model gives an event (several reports, dates that disagree, the outlet a
    report credits, a status) is shown as a reader needs it."""
    from microsite.when import day_span
    hani, dt = f"{H}#p-2.1", f"{D}#p-2.1"

    def change(event):
        if event.id == hani:  # as if the DigitalTimes report had told it too, a day later, crediting Reuters
            other = replace(event.sources[0], report=D, anchor="p-2", cites="로이터")
            return replace(event, sources=(event.sources[0], other), other_dates=(day_span(event.when.start + timedelta(days=1)),),
                           status="cancelled")
        if event.id == dt:
            return replace(event, status="planned", actors=("wsj",))
        return event

    page = page_with(normalized, change)
    item = page.find(id=anchor(hani))
    assert item.select_one(".flag.corroborated").get_text() == "보도 2건"
    assert item.select_one(".flag.disputed").get_text() == "날짜 엇갈림: 다른 보도는 2024년 7월 18일"
    assert [s.get_text(" ", strip=True) for s in item.select(".sources .source")] == \
        ["한겨레 · 2024년 7월 18일 (디인포메이션 인용)", "디지털타임스 · 2024년 8월 26일 (로이터 인용)"]
    assert item.select_one(".badge").get_text() == "취소" and "status-cancelled" in item["class"] and "future" not in item["class"]
    planned = page.find(id=anchor(dt))
    assert planned.select_one(".badge").get_text() == "계획" and "future" in planned["class"]
    assert planned.select_one(".chips.actors a").get_text() == "월스트리트저널"  # who acts, apart from who is named
    assert "월스트리트저널" not in [a.get_text() for a in planned.select(".names ul.chips:not(.actors) a")]
    others = page.find(id=anchor(f"{Z}#p-2.1"))
    assert not others.select(".flags") and not others.select(".badge")


@pytest.fixture
def paged_site(project: Path, monkeypatch) -> Path:
    """The five reports' chronology ten events a page."""
    monkeypatch.setattr(site_module, "EVENTS_PER_PAGE", 10)
    monkeypatch.setattr(chronology_view, "EVENTS_PER_PAGE", 10)
    build(project, search=False)
    return project / "site"


def test_the_pager_names_each_pages_dates_and_the_overview_leads_to_any_page(paged_site: Path) -> None:
    spans = ["2022년 9월 – 2023년 7월", "2023년 10월 – 2024년 8월", "2024년 8월 – 2025년 11월"]
    first, second, third = (soup(paged_site / "chronology" / path / "index.html") for path in ("", "2", "3"))
    assert first.select_one("h1").get_text(" ", strip=True) == f"연표 1쪽: {spans[0]}"
    assert [a.get_text(" ", strip=True) for a in second.select("nav.pager ol li a, nav.pager ol li [aria-current]")] == \
        [f"{n} {span}" for n, span in zip((1, 2, 3), spans, strict=True)]
    assert second.select_one("a[rel=prev]").get_text(" ", strip=True) == f"← 이전 {spans[0]}"
    assert second.select_one("a[rel=next]").get_text(" ", strip=True) == f"다음 → {spans[2]}"
    # August 2024 runs over pages 2 and 3: its heading on page 3 says so
    assert "앞 쪽에서 이어짐" in third.find(id="m2024-08").get_text() and "다음 쪽에 이어짐" in second.find(id="m2024-08").get_text()
    # the overview is on the first page; each bar leads to its month on the page that holds it
    assert first.select(".overview") and not second.select(".overview")
    bars = {a.get_text(): a["href"] for a in first.select(".overview a.bar")}
    assert bars["2023년 7월: 6건"] == "#m2023-07" and bars["2024년 4월: 2건"] == "2/#m2024-04" and bars["2025년 11월: 3건"] == "3/#m2025-11"
    for href in bars.values():
        path, _, section = href.partition("#")
        assert soup(paged_site / "chronology" / path / "index.html").find(id=section), href
    # a report's events link to the page that lists them
    report = soup(paged_site / "reports" / Z / "index.html")
    assert f"../../chronology/3/#{anchor(f'{Z}#p-12.1')}" in [a["href"] for a in report.select(".report-events a")]


def test_the_overview_names_each_bar_and_folds_quiet_years_of_a_long_archive() -> None:
    from microsite.output.overview import month_chart
    from microsite.output.views.chronology import Section
    few = [Section("m2024-07", 2024, 14, "2024년 7월", 0, 12), Section("m2024-08", 2024, 16, "2024년 8월", 12, 3)]
    html = BeautifulSoup(month_chart(few, 15), "html.parser")
    bars = html.select("a.bar")
    assert [(a.get_text(), a["class"]) for a in bars] == [("2024년 7월: 12건", ["bar", "lv8"]), ("2024년 8월: 3건", ["bar", "lv2"])]
    assert [a.select_one(".n").get_text() for a in bars] == ["12", "3"]  # what shows
    assert len(html.select(".chart-bars > li")) == 12 and html.select_one("span.bar .visually-hidden").get_text() == "2024년 1월: 0건"
    # twenty years, one busy: the quiet ones are links under the rows, not rows of empty bars
    many = [Section(f"m{year}-01", year, 2, f"{year}년 1월", i, 1) for i, year in enumerate(range(2000, 2020))]
    many.append(Section("m2020-03", 2020, 6, "2020년 3월", 20, 500))
    html = BeautifulSoup(month_chart(many, 520), "html.parser")
    assert [row.select_one(".chart-year-name").get_text() for row in html.select(".chart-row")] == ["2020년"]
    assert len(html.select(".chart-other a.chart-year")) == 20 and html.select_one(".chart-other a")["href"] == "#y2000"


def test_reports_and_entity_pages_link_to_the_chronology_entries(built_site: Path) -> None:
    chronology = soup(built_site / "chronology" / "index.html")
    ids = {tag["id"] for tag in chronology.find_all(id=True)}
    data = exported(built_site)
    for report in (M, D, N, H, Z):
        page = soup(built_site / "reports" / report / "index.html")
        links = [a["href"] for a in page.select(".report-events li a")]
        expected = [e for e in data if any(s["report"] == report for s in e["sources"])]
        assert len(links) == len(expected) and links, report
        assert [h.split("#")[1] for h in links] == [anchor(e["id"]) for e in expected]  # in date order
        assert all(h.startswith("../../chronology/#") and h.split("#")[1] in ids for h in links)
    hani = soup(built_site / "reports" / H / "index.html").select(".report-events li")
    assert [li.select_one("time").get_text() for li in hani] == ["2024년 7월 17일(현지시각)", "2024년 7월 18일"]
    nvidia = soup(built_site / "entities" / "nvidia" / "index.html")
    everything = nvidia.select_one("a.chronology-filter")
    count = sum("nvidia" in e["entities"] for e in data)
    assert everything["href"] == "../../chronology/?entity=nvidia" and f"엔비디아의 사건 {count}건" in everything.get_text()
    entries = [a["href"] for a in nvidia.select(".entity-events li > a")]
    assert len(entries) == count and all(h.startswith("../../chronology/#") and h.split("#")[1] in ids for h in entries)


def test_search_reads_the_events_not_the_overview_or_the_filters(built_site: Path) -> None:
    page = soup(built_site / "chronology" / "index.html")
    body = page.select_one("[data-pagefind-body]")
    assert body["data-pagefind-filter"] == "종류:연표" and body.select_one("h1")["data-pagefind-meta"] == "title"
    for part in (".overview", "#chrono-filter", "#chrono-results", "#chrono-status"):
        assert body.select_one(part).has_attr("data-pagefind-ignore"), part
    assert all(ol["data-pagefind-weight"] == "0.5" for ol in body.select("#chrono-list ol.events"))
    assert page.select_one('script[src="../assets/chronology.js"]') and not page.select("script:not([src])")


def test_the_filters_data_files_hold_every_event_once_in_page_order(built_site: Path) -> None:
    folder = built_site / "chronology" / "data"
    manifest = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    page = soup(built_site / "chronology" / "index.html")
    listed = [li["id"] for li in page.select("#chrono-list li.event")]
    records = [record for n in range(-(-len(listed) // CHUNK)) for record in
               json.loads((folder / "events" / f"{n}.json").read_text(encoding="utf-8"))]
    assert [r["a"] for r in records] == listed and manifest["count"] == len(listed) == sum(s[3] for s in manifest["sections"])
    assert [s[0] for s in manifest["sections"]] == [h["id"] for h in page.select("h3.month-title")]
    data = {anchor(e["id"]): e for e in exported(built_site)}
    for entity, _name, count in manifest["entities"]:
        numbers = decode(json.loads((folder / "entity" / f"{entity}.json").read_text())["n"])
        assert len(numbers) == count and {listed[n] for n in numbers} == {a for a, e in data.items() if entity in e["entities"]}, entity
    outlets = {name: file for name, _, file in manifest["outlets"]}
    hani = decode(json.loads((folder / "outlet" / f"{outlets['한겨레']}.json").read_text())["n"])
    assert {listed[n] for n in hani} == {anchor(f"{H}#p-2.1"), anchor(f"{H}#published")}
    statuses = {status: count for status, _, count in manifest["statuses"]}
    assert statuses == {"happened": len(listed) - 2, "scheduled": 1, "cancelled": 1}
    scheduled = decode(json.loads((folder / "status" / "scheduled.json").read_text())["n"])
    assert {listed[n] for n in scheduled} == {anchor(f"{M}#p-1.1")}
    cancelled = decode(json.loads((folder / "status" / "cancelled.json").read_text())["n"])
    assert {listed[n] for n in cancelled} == {anchor(f"{M}#p-4.1")}
    record = records[listed.index(anchor(f"{M}#p-1.1"))]
    assert record["s"] == "scheduled" and record["g"] == "6일" and record["src"][0] == [f"reports/{M}/#p-1", "문화일보", "2023년 7월 4일 1문단", ""]


def test_a_filtered_view_of_fifty_thousand_events_downloads_under_a_megabyte(normalized: Path) -> None:
    """The five reports' events, copied 2,000 times over sixteen years (52,000 events, a
    quarter of them naming Nvidia): whatever the filter, a view fetches the manifest, one
    list per kind of filter and at most SHOWN files of events."""
    site = Pipeline(load_config(normalized), search=False).prepare().site
    model = site.model
    events = []
    for copy in range(2000):
        shift = timedelta(days=3 * copy)
        events += [replace(e, id=f"{e.id}~{copy}", when=replace(e.when, start=e.when.start + shift, end=e.when.end + shift))
                   for e in model.chronology.events]
    big = Site(site.config, replace(model, chronology=replace(model.chronology, events=tuple(events))), site.templates)
    files = {path: make for path, _, make in chronology_files(big)}
    sizes = {path: len(make()) for path, make in files.items()}
    assert len(big.chronology_order) == 52_000 and sum(1 for p in sizes if "/events/" in p) == 52_000 // CHUNK

    def largest(kind: str) -> int:
        return max(size for path, size in sizes.items() if f"/data/{kind}/" in path)

    manifest = sizes["chronology/data/index.json"]
    worst = manifest + largest("entity") + largest("outlet") + largest("status") + SHOWN * largest("events")
    assert worst < 1_000_000, (manifest, largest("entity"), largest("outlet"), largest("status"), largest("events"))
    assert re.fullmatch(r"[0-9a-z,]+", json.loads(files["chronology/data/entity/nvidia.json"]())["n"])
    assert files["chronology/data/index.json"]() == dict((p, m) for p, _, m in chronology_files(big))["chronology/data/index.json"]()
