"""The chronology in real Chromium: filters through the address and the form (back and
forward included), the overview's bars by keyboard and by touch, and the links from a
report to its events and from an event back to the paragraph that states it."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

M, H = "munhwa-2023-07-us-cloud-access-curb", "hani-2024-07-ms-google-cloud-china"


def anchor(event_id: str) -> str:
    return event_id.replace("#", "-").replace(".", "-")


@pytest.fixture(scope="module")
def events(built_site: Path) -> list[dict]:
    return json.loads((built_site / "data" / "chronology.json").read_text(encoding="utf-8"))


def watched(context):
    """A tab whose script errors fail the test, and the chronology data files it fetched (path → bytes)."""
    tab = context.new_page()
    tab.errors, tab.fetched = [], {}
    tab.on("pageerror", lambda error: tab.errors.append(str(error)))

    def finished(request) -> None:
        if "/chronology/data/" in request.url:
            response = request.response()
            tab.fetched[request.url.split("/chronology/data/")[1]] = len(response.body()) if response else 0
    tab.on("requestfinished", finished)
    return tab


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
    tab = watched(context)
    yield tab
    context.close()
    assert tab.errors == [], f"JavaScript errors: {tab.errors}"


def shown(page) -> list[str]:
    return page.locator("#chrono-results li.event").evaluate_all("items => items.map(li => li.id)")


@pytest.mark.parametrize("prefix", ["/", "/repo/"])
def test_the_address_filters_by_entity_across_the_whole_chronology(served: dict, page, events, prefix: str) -> None:
    page.goto(f"{served[prefix]}chronology/?entity=nvidia")
    nvidia = [f"f-{anchor(e['id'])}" for e in events if "nvidia" in e["entities"]]
    expect(page.locator("#chrono-status")).to_have_text(f"엔비디아: 사건 {len(nvidia)}건")
    expect(page.locator("#chrono-results li.event")).to_have_count(len(nvidia))
    assert shown(page) == nvidia
    expect(page.locator("#chrono-list")).to_be_hidden()
    expect(page.locator("#chrono-filter select[name=entity]")).to_have_value("nvidia")
    # each shown event names Nvidia and links to its entry and its source paragraph
    for item in page.locator("#chrono-results li.event").all():
        expect(item.locator(".names a", has_text="엔비디아")).to_have_count(1)
    first = page.locator("#chrono-results li.event").first
    expect(first.locator(".gutter")).to_have_attribute("href", re.compile(rf"/chronology/#{nvidia[0][2:]}$"))
    expect(first.locator(".sources a").first).to_have_attribute("href", re.compile(r"/reports/[^/]+/#p-\d+$"))
    # the overview counts the filter's events
    counts = page.locator(".overview a.bar .n").all_inner_texts()
    assert sum(int(n) for n in counts) == sum(1 for e in events if "nvidia" in e["entities"] and e["precision"] not in ("year", "half"))
    expect(page.locator('.overview a.chart-year[data-year="2025"] .chart-year-count')).to_have_text(
        f"{sum(1 for e in events if 'nvidia' in e['entities'] and e['date'].startswith('2025'))}건")
    # what a filtered view downloads: the manifest, one list, one file of events
    assert {"index.json", "entity/nvidia.json", "events/0.json"} <= set(page.fetched) <= \
        {"index.json", "entity/nvidia.json", "events/0.json", "events/1.json"}
    assert sum(page.fetched.values()) < 30_000


def test_the_form_changes_the_address_and_back_restores_the_filter(served: dict, page, events) -> None:
    base = served["/"]
    page.goto(f"{base}chronology/?entity=nvidia")
    nvidia = [e for e in events if "nvidia" in e["entities"]]
    expect(page.locator("#chrono-results li.event")).to_have_count(len(nvidia))
    page.locator("#chrono-filter select[name=year]").select_option("2024")
    expect(page).to_have_url(f"{base}chronology/?entity=nvidia&year=2024")
    in_2024 = [f"f-{anchor(e['id'])}" for e in nvidia if e["date"].startswith("2024")]
    expect(page.locator("#chrono-results li.event")).to_have_count(len(in_2024))
    assert shown(page) == in_2024 and 0 < len(in_2024) < len(nvidia)
    page.go_back()
    expect(page).to_have_url(f"{base}chronology/?entity=nvidia")
    expect(page.locator("#chrono-results li.event")).to_have_count(len(nvidia))
    expect(page.locator("#chrono-filter select[name=year]")).to_have_value("")
    page.go_forward()
    expect(page).to_have_url(f"{base}chronology/?entity=nvidia&year=2024")
    expect(page.locator("#chrono-results li.event")).to_have_count(len(in_2024))
    # nothing matches: said plainly
    page.locator("#chrono-filter select[name=status]").select_option("scheduled")
    expect(page).to_have_url(f"{base}chronology/?entity=nvidia&status=scheduled&year=2024")
    expect(page.locator("#chrono-status")).to_contain_text("조건에 맞는 사건이 없습니다")
    expect(page.locator("#chrono-results li.event")).to_have_count(0)
    # an outlet, alone
    page.get_by_role("button", name="필터 해제").click()
    expect(page).to_have_url(f"{base}chronology/")
    expect(page.locator("#chrono-list")).to_be_visible()
    expect(page.locator("#chrono-results")).to_be_hidden()
    page.locator("#chrono-filter select[name=outlet]").select_option("한겨레")
    expect(page).to_have_url(f"{base}chronology/?outlet=%ED%95%9C%EA%B2%A8%EB%A0%88")
    expect(page.locator("#chrono-results li.event")).to_have_count(2)
    assert shown(page) == [f"f-{anchor(f'{H}#p-2.1')}", f"f-{anchor(f'{H}#published')}"]
    page.go_back()
    expect(page).to_have_url(f"{base}chronology/")
    expect(page.locator("#chrono-list")).to_be_visible()
    expect(page.locator("#chrono-list li.event")).to_have_count(len(events))


def test_a_bar_reached_by_tab_and_entered_lands_at_its_month(served: dict, page) -> None:
    base = served["/repo/"]
    page.goto(f"{base}chronology/")
    page.locator(".overview a.bar").filter(has_text="2024년 1월: 1건").focus()
    page.keyboard.press("Tab")  # February and March have no events: the next bar is April's
    focused = page.locator(".overview a.bar:focus")
    expect(focused).to_have_text("2024년 4월: 2건")
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{base}chronology/#m2024-04")
    expect(page.locator("#m2024-04")).to_be_in_viewport()
    expect(page.locator("#m2024-04")).to_have_text(re.compile(r"^4월 2건"))


def test_a_bar_tapped_on_a_phone_lands_at_its_month(served: dict, browser) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 740}, has_touch=True, is_mobile=True,
                                  device_scale_factor=2, service_workers="block")
    tab = watched(context)
    base = served["/"]
    tab.goto(f"{base}chronology/")
    assert tab.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0
    bar = tab.locator(".overview a.bar").filter(has_text="2025년 11월: 3건")
    box = bar.bounding_box()
    assert box["width"] >= 24 and box["height"] >= 24, box  # a tap target
    sizes = tab.locator(".overview .chart-head span, .overview .bar .n, .overview .chart-year-count").evaluate_all(
        "items => items.filter(e => e.offsetParent).map(e => parseFloat(getComputedStyle(e).fontSize))")
    assert sizes and min(sizes) >= 11, sizes  # legible labels
    bar.tap()
    expect(tab).to_have_url(f"{base}chronology/#m2025-11")
    expect(tab.locator("#m2025-11")).to_be_in_viewport()
    context.close()
    assert tab.errors == []


def test_a_bar_of_a_filtered_view_leads_to_its_month_there(served: dict, page) -> None:
    page.goto(f"{served['/']}chronology/?entity=nvidia")
    expect(page.locator("#chrono-results li.event").first).to_be_visible()
    bar = page.locator(".overview a.bar").filter(has_text="2025년 11월: 2건")
    bar.click()
    expect(page.locator("#f-m2025-11")).to_be_focused()
    expect(page.locator("#f-m2025-11")).to_be_in_viewport()


def test_from_a_report_to_its_event_and_back_to_the_paragraph(served: dict, page) -> None:
    base = served["/repo/"]
    page.goto(f"{base}reports/{H}/")
    event = page.locator(".report-events a", has_text="거대 기업들 — 데이터센터를 통해 중국 기업에 서비스 제공")
    event.click()
    entry = anchor(f"{H}#p-2.1")
    expect(page).to_have_url(f"{base}chronology/#{entry}")
    target = page.locator("li.event:target")
    expect(target).to_have_attribute("id", entry)
    expect(target).to_be_in_viewport()
    target.locator(".sources a").first.click()
    expect(page).to_have_url(f"{base}reports/{H}/#p-2")
    expect(page.locator(".report-body p:target")).to_contain_text("디인포메이션")


def test_an_entity_page_leads_to_its_filtered_chronology(served: dict, page, events) -> None:
    base = served["/repo/"]
    page.goto(f"{base}entities/bytedance/")
    page.locator("a.chronology-filter").click()
    expect(page).to_have_url(f"{base}chronology/?entity=bytedance")
    expect(page.locator("#chrono-results li.event")).to_have_count(sum(1 for e in events if "bytedance" in e["entities"]))
