"""An entity's pages and the index's tables as a reader uses them, in real Chromium at a
thousand reports: the filters by outlet and year (in the address, fetching a few small
files), the chart's bars, the folded sentences and their paragraph links, the tables'
fixed header row and name column and their cells' links, and a big entity's page kept
short on a phone."""
from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import quote

import pytest
from conftest import decode, watched
from playwright.sync_api import expect

from microsite.output.views import entities

NVIDIA = "entities/nvidia/"


def data(site: Path, name: str) -> dict:
    return json.loads((site / "entities" / "nvidia" / "data" / name).read_text(encoding="utf-8"))


@pytest.fixture
def tab(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
    tab = watched(context, f"/{NVIDIA}data/")
    yield tab
    context.close()
    assert tab.errors == [], f"JavaScript errors: {tab.errors}"


def test_a_big_entity_filters_its_mentions_by_outlet_and_year_through_the_address(served_large: str, large_site: Path, tab) -> None:
    manifest = data(large_site, "index.json")
    outlet, count, file, inline = manifest["outlets"][-1]  # the quietest outlet: its reports lie all over the list
    numbers = decode(inline)  # an entity's outlets carry their numbers: no file per outlet
    assert file == "" and not (large_site / "entities" / "nvidia" / "data" / "outlet").exists()
    assert len(numbers) == count and 1 <= count < manifest["count"]
    tab.goto(served_large + NVIDIA)
    form = tab.locator("#entity-filter")
    expect(form).to_be_visible()
    form.get_by_label("매체").select_option(outlet)
    expect(tab).to_have_url(f"{served_large}{NVIDIA}?outlet={quote(outlet)}")
    expect(tab.locator("#entity-status")).to_have_text(f"{outlet}: 보도 {count}건")
    items = tab.locator("#entity-results .mention-report")
    expect(items).to_have_count(min(count, entities.MENTIONING_REPORTS_PER_PAGE))
    assert set(items.locator(".outlet").all_inner_texts()) == {outlet}
    expect(tab.locator("#entity-list")).to_be_hidden()
    # each report as the static list draws it: its mentions marked, each sentence linked to its paragraph
    first = items.first
    assert first.locator("mark").count() >= 1
    assert all(re.fullmatch(r"\d+문단|소제목 \d+|사진 \d+", text) for text in first.locator("a.sentence-link").evaluate_all("links => links.map(a => a.textContent)"))
    for item in items.all():  # two sentences in view, the rest folded and counted, as on the static pages
        assert 1 <= item.locator(":scope article > .sentences > li").count() <= entities.SENTENCES_SHOWN
        folded = item.locator("details .sentences li").count()
        assert item.locator("details summary").all_inner_texts() == ([f"문장 {folded}개 더 보기"] if folded else [])
    # the chart counts the outlet's reports only
    bars = tab.locator(".entity-chart a.bar .n").all_inner_texts()
    assert sum(int(n) for n in bars) == count
    # a year as well: the outlet's reports in that year, from the sections of the manifest
    year = manifest["sections"][0][0][1:5]
    years = [s for s in manifest["sections"] if s[0].startswith(f"m{year}-")]
    low, high = years[0][2], years[-1][2] + years[-1][3]
    both = [n for n in numbers if low <= n < high]
    form.get_by_label("연도").select_option(year)
    expect(tab.locator("#entity-status")).to_have_text(f"{outlet} · {year}년: 보도 {len(both)}건" if both else
                                                        f"{outlet} · {year}년: 조건에 맞는 보도가 없습니다. 필터를 바꾸거나 해제해 보세요.")
    tab.wait_for_load_state("networkidle")
    chunks = {f"reports/{n // manifest['chunk']}.json" for n in both[:manifest["shown"]]} | \
             {f"reports/{n // manifest['chunk']}.json" for n in numbers[:manifest["shown"]]}
    assert set(tab.fetched) == {"index.json", *chunks}, tab.fetched
    # back: the outlet alone; clearing: the whole list again
    tab.go_back()
    expect(tab.locator("#entity-status")).to_have_text(f"{outlet}: 보도 {count}건")
    tab.locator("#entity-clear").click()
    expect(tab).to_have_url(served_large + NVIDIA)
    expect(tab.locator("#entity-list")).to_be_visible()
    expect(tab.locator("#entity-list .mention-report")).to_have_count(entities.MENTIONING_REPORTS_PER_PAGE)


def test_a_bar_of_the_chart_leads_to_its_month_on_whichever_page_holds_it(served_large: str, large_site: Path, tab) -> None:
    manifest = data(large_site, "index.json")
    key, label, first, _ = manifest["sections"][len(manifest["sections"]) // 2]  # a month deep in the list
    page = first // manifest["per_page"] + 1
    tab.goto(served_large + NVIDIA)
    tab.locator(f".entity-chart a.bar[data-section='{key}']").click()
    expect(tab).to_have_url(f"{served_large}{NVIDIA}{page}/#{key}" if page > 1 else f"{served_large}{NVIDIA}#{key}")
    heading = tab.locator(f"#{key}")
    expect(heading).to_be_in_viewport()
    expect(heading).to_contain_text(label)


def test_sentences_beyond_two_are_folded_and_every_sentence_links_to_its_paragraph(served_large: str, tab) -> None:
    tab.goto(served_large + NVIDIA)
    report = tab.locator("#entity-list .mention-report").filter(has=tab.locator("details.more-sentences")).first
    visible = report.locator(":scope article > .sentences > li")
    expect(visible).to_have_count(entities.SENTENCES_SHOWN)
    folded = report.locator("details .sentences li").first
    expect(folded).to_be_hidden()
    report.locator("details summary").click()
    expect(folded).to_be_visible()
    link = visible.first.locator("a.sentence-link")
    box = link.bounding_box()
    assert box and box["height"] >= 20 and box["width"] >= 24  # a target a thumb can hit
    sentence = visible.first.inner_text()[:-len(link.inner_text())].strip()
    anchor = link.get_attribute("href").split("#")[1]
    link.click()
    paragraph = tab.locator(f"#{anchor}")
    expect(paragraph).to_be_in_viewport()
    assert sentence in paragraph.inner_text()


def test_the_index_tables_keep_their_header_row_and_name_column_in_view(served_large: str, browser) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 812})
    tab = context.new_page()
    tab.goto(served_large + "entities/")
    scroll = tab.locator(".matrix-scroll").first
    scroll.scroll_into_view_if_needed()
    header, name = scroll.locator("thead th").nth(3), scroll.locator("tbody th").first
    top, left = scroll.bounding_box()["y"], scroll.bounding_box()["x"]
    scroll.evaluate("box => { box.scrollTop = 400; box.scrollLeft = 300; }")
    assert abs(header.bounding_box()["y"] - top) <= 2 and abs(name.bounding_box()["x"] - left) <= 2
    # the headers stay on one line: legible on a phone
    heights = scroll.locator("thead th").evaluate_all("cells => cells.map(c => c.getBoundingClientRect().height)")
    assert max(heights) < 40, heights
    context.close()


def test_a_cell_of_the_index_leads_to_the_matching_mentions(served_large: str, large_site: Path, browser) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.goto(served_large + "entities/")
    by_time, by_outlet = tab.locator("table.matrix").nth(0), tab.locator("table.matrix").nth(1)
    row = by_outlet.locator("tbody tr").filter(has=tab.locator(f"th a[href$='{NVIDIA}']"))
    outlet = by_outlet.locator("thead th").nth(2).inner_text()
    cell = row.locator("td").nth(1).locator("a")
    count = int(cell.inner_text())
    cell.click()
    expect(tab.locator("#entity-status")).to_have_text(f"{outlet}: 보도 {count}건")
    expect(tab.locator("#mentions-title")).to_be_in_viewport()
    tab.go_back()
    row = by_time.locator("tbody tr").filter(has=tab.locator(f"th a[href$='{NVIDIA}']"))
    cell = row.locator("td a").first
    count = int(cell.inner_text())
    href = cell.get_attribute("href")
    cell.click()
    key = href.split("#")[1]
    heading = tab.locator(f"#{key}")
    expect(heading).to_be_in_viewport()
    sections = data(large_site, "index.json")["sections"]
    assert next(s[3] for s in sections if s[0] == key) == count  # the cell counts the month's reports naming it
    context.close()


def test_a_big_entity_page_stays_short_on_a_phone(served_large: str, browser) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 812})
    tab = context.new_page()
    tab.goto(served_large + NVIDIA)
    expect(tab.locator("#entity-filter")).to_be_visible()
    assert tab.evaluate("document.documentElement.scrollHeight") < 8_000
    assert tab.evaluate("document.documentElement.scrollWidth") <= 375  # nothing wider than the phone
    context.close()
