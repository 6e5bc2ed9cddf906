"""Accessibility in real Chromium: axe-core on every kind of page in light and dark mode,
keyboard use, reading without JavaScript, and printing a report."""
from __future__ import annotations

import pytest
from conftest import ROOT
from playwright.sync_api import expect

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PAGES = {
    "home": "", "report": "reports/zdnet-2025-11-offshore-ai-training/", "report with caption": "reports/hani-2024-07-ms-google-cloud-china/",
    "entity": "entities/nvidia/", "entity index": "entities/", "chronology": "chronology/", "about": "about/",
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


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("kind", sorted(PAGES))
def test_axe_finds_nothing(browser, served: dict, kind: str, scheme: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme, bypass_csp=True)  # to inject axe
    page = context.new_page()
    page.goto(served["/repo/"] + PAGES[kind])
    if kind == "search":
        expect(page.locator("#search-results a").first).to_be_visible(timeout=30_000)
    violations = axe_violations(page)
    context.close()
    assert violations == []


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
