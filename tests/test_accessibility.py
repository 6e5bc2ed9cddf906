"""Accessibility in real Chromium: axe-core on every kind of page in light and dark mode, on a
wide and a narrow screen, with 5 and with 1,000 reports; the Nu Html Checker on the large site;
keyboard use, reading without JavaScript, and printing a report."""
from __future__ import annotations

import posixpath
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT
from playwright.sync_api import expect

from microsite.check import validate_html

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PAGES = {
    "home": "", "report": "reports/zdnet-2025-11-offshore-ai-training/", "report with caption": "reports/hani-2024-07-ms-google-cloud-china/",
    "entity": "entities/nvidia/", "outlet": "entities/reuters/", "entity index": "entities/", "chronology": "chronology/", "about": "about/",
    "search": "search/?q=엔비디아", "source": "sources/munhwa-2023-07-us-cloud-access-curb/", "404": "no/such/page/",
}


def axe_violations(page) -> list[str]:
    if not AXE.is_file():
        pytest.fail("axe-core is missing: run 'npm ci'")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("""async () => {
        const r = await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}});
        return r.violations.map(v => v.id + ': ' + v.help + ' — ' + v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', '));
    }""")
    return result


def shown_in_full(page) -> None:
    """Wait for what the scripts add once their data is in: the lists' filter forms, and the
    list a filter in the address draws (axe checks only what is on the page when it runs)."""
    for form in page.locator("#home-filter, #chrono-filter").all():
        expect(form).to_be_visible()
    if "?" in page.url and page.locator("#home-results").count():
        expect(page.locator("#home-results .report-item").first).to_be_visible()


WIDTHS = [1280, 375]  # a desktop window and a phone


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("kind", sorted(PAGES))
def test_axe_finds_nothing(browser, served: dict, kind: str, scheme: str, width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme, bypass_csp=True)  # to inject axe
    page = context.new_page()
    page.goto(served["/repo/"] + PAGES[kind])
    if kind == "search":
        expect(page.locator("#search-results a").first).to_be_visible(timeout=30_000)
    shown_in_full(page)
    violations = axe_violations(page)
    context.close()
    assert violations == []


def _follow(site: Path, page: str, selector: str) -> str | None:
    """The site-relative address the first *selector* link of *page* (a site-relative address) leads to."""
    soup = BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "html.parser")
    link = soup.select_one(selector)
    if link is None:
        return None
    target = posixpath.normpath(posixpath.join(page or ".", link["href"]))
    return "" if target == "." else target + "/"


@pytest.fixture(scope="session")
def large_pages(large_site: Path) -> dict[str, str]:
    """Every kind of page of the thousand-report site, by name: its site-relative address."""
    report = _follow(large_site, "", "a[href*='reports/']")
    pages = {"home": "", "home page 2": _follow(large_site, "", "nav.pager a[rel=next]"), "report": report,
             "source": _follow(large_site, report, "a[href*='sources/']"),
             "entity": "entities/nvidia/", "entity page 2": _follow(large_site, "entities/nvidia/", "nav.pager a[rel=next]"),
             "outlet": "entities/reuters/", "outlet page 2": _follow(large_site, "entities/reuters/", "nav.pager a[rel=next]"),
             "entity index": "entities/", "chronology": "chronology/",
             "chronology page 2": _follow(large_site, "chronology/", "nav.pager a[rel=next]"),
             "about": "about/", "404": "no/such/page/"}
    assert pages["home page 2"] == "page/2/" and report and pages["source"]
    return {name: address for name, address in pages.items() if address is not None}


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_with_a_thousand_reports(browser, served_large: str, large_pages: dict, scheme: str, width: int) -> None:
    """One browser context visits every kind of page; the failure names each page and its violations."""
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme, bypass_csp=True)  # to inject axe
    page = context.new_page()
    found = {}
    for name, address in {**large_pages, "home filtered by a name": "?entity=nvidia"}.items():
        page.goto(served_large + address)
        shown_in_full(page)
        if violations := axe_violations(page):
            found[f"{name} ({address or 'home'})"] = violations
    context.close()
    assert found == {}


def test_the_html_of_a_thousand_reports_is_valid(large_site: Path, large_pages: dict) -> None:
    """The Nu Html Checker on a sample of every kind of page: besides the pages above, more reports
    and their sources pages, more entities, and the last page of each list."""
    soup = BeautifulSoup((large_site / "index.html").read_text(encoding="utf-8"), "html.parser")
    reports = [posixpath.normpath(a["href"]) + "/" for a in soup.select("a[href*='reports/']")][:5]
    sources = [_follow(large_site, report, "a[href*='sources/']") for report in reports]
    entities = sorted(path.parent.relative_to(large_site).as_posix() + "/" for path in (large_site / "entities").glob("*/index.html"))
    lasts = [_follow(large_site, page, "nav.pager li:last-child a") for page in ("", "entities/nvidia/", "chronology/")]
    addresses = {address for address in [*large_pages.values(), *reports, *sources, *entities[::10], *lasts] if address is not None}
    files = [large_site / address / "index.html" for address in addresses if address != "no/such/page/"] + [large_site / "404.html"]
    assert len(files) > 25 and all(file.is_file() for file in files)
    assert validate_html(large_site, ROOT, files) == []


def test_keyboard_reaches_the_skip_link_first_and_it_moves_focus_to_the_content(browser, served: dict) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(served["/"] + "reports/dt-2024-08-overseas-cloud-h100/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused == "본문 바로가기"
    assert page.evaluate("getComputedStyle(document.activeElement).top") != "-48px"  # shown when focused
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('main') !== null")
    context.close()


def test_reading_and_navigating_need_no_javascript(browser, served: dict) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(served["/repo/"])
    page.get_by_role("link", name="연표").click()
    expect(page.locator("h1")).to_have_text("연표")
    page.locator("li.event .sources a").first.click()
    expect(page.locator(".report-body p:target")).to_contain_text("2022년 9월에 금지된 A100")
    context.close()


def test_a_report_prints_with_its_source_and_rights_but_no_navigation(browser, served: dict) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(served["/"] + "reports/munhwa-2023-07-us-cloud-access-curb/")
    page.emulate_media(media="print")
    assert not page.locator(".site-header nav").is_visible()
    assert not page.locator(".site-footer").is_visible()
    expect(page.locator(".rights")).to_be_visible()
    expect(page.locator(".report-footer .print-only")).to_contain_text("출처: 문화일보, 2023년 7월 4일 (추정), 김남석 기자.")
    expect(page.locator(".report-footer .source")).to_be_visible()
    pdf = page.pdf(format="A4")
    context.close()
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
