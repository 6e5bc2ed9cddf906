"""What a reader does, in real headless Chromium: open the home page, follow a report,
search — served at the root and under a GitHub-Pages-like subpath."""
from __future__ import annotations

import re

import pytest
from conftest import error_free_tab
from playwright.sync_api import expect


@pytest.fixture
def page(browser):
    with error_free_tab(browser, 1280, 900) as tab:
        yield tab


@pytest.mark.parametrize("prefix", ["/", "/repo/"])
def test_home_report_and_search(served: dict, page, prefix: str) -> None:
    base = served[prefix]
    page.goto(base)
    expect(page.locator("h1")).to_have_text("클라우드 우회: 중국 AI 기업과 엔비디아 칩")
    page.locator(".report-item a", has_text="미 정부의 대중국 수출 규제").click()
    expect(page).to_have_url(f"{base}reports/hani-2024-07-ms-google-cloud-china/")
    expect(page.locator("article.report h1")).to_have_text("미 정부의 대중국 수출 규제 ‘우회’ 논란")
    expect(page.locator(".report-body p").first).to_contain_text("미국 정부가 첨단 반도체 등 미국 기술을")

    page.get_by_role("link", name="검색", exact=True).click()
    expect(page).to_have_url(f"{base}search/")
    page.locator("#search-input").fill("디인포메이션")
    result = page.locator("#search-results a").first
    expect(result).to_be_visible(timeout=30_000)
    hrefs = page.locator("#search-results a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert any(href.startswith(f"{prefix}reports/hani-2024-07-ms-google-cloud-china/") for href in hrefs)
    page.locator("#search-results a", has_text="미 정부의 대중국 수출 규제").click()
    # opened at the paragraph that names it, the word highlighted there
    expect(page).to_have_url(re.compile(re.escape(f"{base}reports/hani-2024-07-ms-google-cloud-china/?highlight=%EB%94%94%EC%9D%B8%ED%8F%AC%EB%A9%94%EC%9D%B4%EC%85%98")
                                        + r"(&highlight=[^&#]+)*#p-\d+$"))  # and the entity's other names
    expect(page.locator(":target mark.pagefind-highlight").first).to_have_text("디인포메이션")


def test_search_address_runs_the_query_and_follows_typing(served: dict, page) -> None:
    base = served["/repo/"]
    page.goto(f"{base}search/?q=바이트댄스")
    expect(page.locator("#search-results a").first).to_be_visible(timeout=30_000)
    titles = page.locator("#search-results a").all_inner_texts()
    assert any("해외 클라우드서 엔비디아칩" in t for t in titles)
    assert any("해외 우회" in t for t in titles)
    page.locator("#search-input").fill("알리바바")
    expect(page).to_have_url(f"{base}search/?q=%EC%95%8C%EB%A6%AC%EB%B0%94%EB%B0%94")
    expect(page.locator("#search-status")).to_contain_text("알리바바")


def test_report_page_reads_well_on_a_phone(served: dict, browser) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740})
    tab = context.new_page()
    base = served["/"]
    tab.goto(f"{base}reports/munhwa-2023-07-us-cloud-access-curb/")
    overflow = tab.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, "the page scrolls sideways at 360 px"
    assert tab.evaluate("getComputedStyle(document.body).wordBreak") == "keep-all"
    context.close()


def test_a_mention_leads_to_its_entity_page_and_back_to_the_paragraph(served: dict, page) -> None:
    base = served["/repo/"]
    page.goto(f"{base}reports/dt-2024-08-overseas-cloud-h100/")
    page.locator('.report-body a.entity[data-entity="bytedance"]').click()
    expect(page).to_have_url(f"{base}entities/bytedance/")
    expect(page.locator("h1")).to_contain_text("바이트댄스")
    sentence = page.locator(".mention-report", has_text="美반도체 제재의 허점").locator(".sentences li").first
    expect(sentence.locator("mark")).to_have_text("바이트댄스")
    sentence.get_by_role("link", name="14문단").click()
    expect(page).to_have_url(f"{base}reports/dt-2024-08-overseas-cloud-h100/#p-14")
    target = page.locator(".report-body p:target")
    expect(target).to_contain_text("틱톡 모회사인 바이트댄스도")
    assert target.evaluate("el => { const box = el.getBoundingClientRect();"  # scrolled to the paragraph
                           " return box.top >= 0 && box.bottom <= innerHeight; }")
