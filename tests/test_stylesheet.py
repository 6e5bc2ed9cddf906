"""Every rule of the stylesheets reaches the browser: one stray brace makes a browser drop
the rule after it without a word (a `}` after `.print-only{…}` once turned every name in
a report into a blue link)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import ROOT
from playwright.sync_api import expect

SHEETS = sorted((ROOT / "assets").glob("*.css"))
_COMMENT_OR_STRING = re.compile(r"/\*.*?\*/|\"(?:\\.|[^\"\\])*\"|'(?:\\.|[^'\\])*'", re.S)


def top_level_rules(css: str, path: Path) -> list[str]:
    """The preludes of the top-level rules (selectors, at-rules), braces checked."""
    text = _COMMENT_OR_STRING.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)) if m.group(0).startswith("/*") else '""', css)
    rules, depth, start = [], 0, 0
    for index, character in enumerate(text):
        if character == "{":
            if depth == 0:
                rules.append(" ".join(text[start:index].split()))
            depth += 1
        elif character == "}":
            depth -= 1
            line = text.count("\n", 0, index) + 1
            assert depth >= 0, f"{path.name}:{line}: '}}' closes nothing"
            if depth == 0:
                start = index + 1
        elif character == ";" and depth == 0:
            start = index + 1  # @import, @charset
    assert depth == 0, f"{path.name}: {depth} block(s) left open"
    return rules


def test_every_brace_closes_a_block() -> None:
    assert SHEETS
    for path in SHEETS:
        assert top_level_rules(path.read_text(encoding="utf-8"), path)


def test_the_browser_keeps_every_rule(served: dict, browser) -> None:
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    page.goto(served["/"])
    found = page.evaluate("""() => Array.from(document.styleSheets)
        .filter(sheet => sheet.href && sheet.href.includes('/assets/'))
        .map(sheet => [new URL(sheet.href).pathname.split('/').pop(), sheet.cssRules.length])""")
    context.close()
    assert {name for name, _ in found} == {path.name for path in SHEETS}
    for name, count in found:
        path = ROOT / "assets" / name
        assert count == len(top_level_rules(path.read_text(encoding="utf-8"), path)), name


def test_a_stray_brace_is_caught() -> None:
    with pytest.raises(AssertionError, match="style.css:2: '}' closes nothing"):
        top_level_rules(".a { color: red; }\n}\n.b { color: blue; }", Path("style.css"))


def test_the_search_key_hint_is_for_keyboards_and_the_box_does_not_print(served: dict, browser) -> None:
    from playwright.sync_api import expect
    desktop = browser.new_context(viewport={"width": 1280, "height": 800})
    page = desktop.new_page()
    page.goto(served["/"])
    expect(page.locator(".site-search .key-hint")).to_be_visible()
    page.keyboard.press("/")
    expect(page.locator("#site-search")).to_be_focused()
    expect(page.locator(".site-search .key-hint")).to_be_hidden()  # not over what is typed
    page.emulate_media(media="print")
    expect(page.locator(".site-search")).to_be_hidden()
    desktop.close()
    phone = browser.new_context(viewport={"width": 375, "height": 800}, has_touch=True, is_mobile=True)
    page = phone.new_page()
    page.goto(served["/"])
    expect(page.locator("#site-search")).to_be_visible()
    expect(page.locator(".site-search .key-hint")).to_be_hidden()
    phone.close()


def test_highlights_are_quiet_in_dark_mode(served: dict, browser) -> None:
    colours = {}
    for scheme in ("light", "dark"):
        context = browser.new_context(color_scheme=scheme, bypass_csp=True)
        page = context.new_page()
        page.goto(served["/"])
        colours[scheme] = page.evaluate("""() => { const m = document.createElement('mark'); m.textContent = 'x';
            document.body.append(m); const s = getComputedStyle(m); return [s.backgroundColor, s.color]; }""")
        context.close()
    assert colours["light"][0] == "rgb(255, 224, 102)"
    assert colours["dark"][0] != colours["light"][0] and colours["dark"][1] != colours["light"][1]


def test_on_a_wide_screen_the_header_is_one_row(served: dict, browser) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(served["/"])
    title, nav, search = (page.locator(selector).bounding_box() for selector in (".site-title", ".site-header nav", "#site-search"))
    context.close()
    middles = [box["y"] + box["height"] / 2 for box in (title, nav, search)]
    assert max(middles) - min(middles) < 12, middles  # one row
    assert title["x"] + title["width"] <= nav["x"] and nav["x"] + nav["width"] <= search["x"]


def test_the_source_page_wraps_whole_korean_words_and_scrolls_with_the_page(served: dict, browser) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 800}, bypass_csp=True)
    page = context.new_page()
    page.goto(f"{served['/']}sources/hani-2024-07-ms-google-cloud-china/")
    raw = page.locator("pre.raw")
    expect_style = raw.evaluate("""pre => { const s = getComputedStyle(pre);
        return [s.wordBreak, s.overflowY, pre.scrollHeight <= pre.clientHeight + 1, pre.scrollWidth <= pre.clientWidth + 1]; }""")
    context.close()
    assert expect_style == ["keep-all", "visible", True, True]  # no box that scrolls inside the page, either way


def test_the_reader_chooses_light_or_dark_and_the_choice_is_remembered(served: dict, browser) -> None:
    from playwright.sync_api import expect
    context = browser.new_context(color_scheme="light")
    page = context.new_page()
    page.goto(served["/"])
    button = page.get_by_role("button", name="어두운 화면")
    expect(button).to_have_attribute("aria-pressed", "false")
    expect(page.locator("body")).to_have_css("background-color", "rgb(253, 253, 251)")
    button.click()
    expect(button).to_have_attribute("aria-pressed", "true")
    expect(page.locator("body")).to_have_css("background-color", "rgb(22, 23, 26)")
    page.goto(f"{served['/']}chronology/")  # another page, the same choice, from the first paint
    expect(page.locator("html")).to_have_attribute("data-theme", "dark")
    expect(page.locator("body")).to_have_css("background-color", "rgb(22, 23, 26)")
    context.close()
    system_dark = browser.new_context(color_scheme="dark")  # no choice yet: the system's scheme
    page = system_dark.new_page()
    page.goto(served["/"])
    expect(page.locator("body")).to_have_css("background-color", "rgb(22, 23, 26)")
    button = page.get_by_role("button", name="어두운 화면")
    expect(button).to_have_attribute("aria-pressed", "true")
    button.click()
    expect(page.locator("body")).to_have_css("background-color", "rgb(253, 253, 251)")
    system_dark.close()


def test_the_search_controls_wear_the_sites_colours_not_the_browsers(served: dict, browser) -> None:
    for scheme in ("light", "dark"):
        context = browser.new_context(viewport={"width": 375, "height": 800}, color_scheme=scheme)
        page = context.new_page()
        page.goto(served["/"] + "search/?q=엔비디아")
        page.locator("#search-controls > summary").click()
        chip = page.locator(".search-filter label").first
        expect(chip).to_be_visible()
        styles = page.evaluate("""() => {
            const accent = getComputedStyle(document.documentElement).getPropertyValue('--accent').trim();
            const probe = document.createElement('span'); probe.style.color = accent; document.body.append(probe);
            const css = (selector) => getComputedStyle(document.querySelector(selector));
            const result = {accent: getComputedStyle(probe).color, select: css('#search-sort').appearance,
                            arrow: css('#search-sort').backgroundImage, box: css('.search-filter input').accentColor,
                            chip: css('.search-filter label').borderTopStyle, button: css('#search-controls > summary').borderTopStyle};
            probe.remove();
            return result;
        }""")
        assert styles["select"] == "none" and "gradient" in styles["arrow"]
        assert styles["box"] == styles["accent"]
        assert styles["chip"] == styles["button"] == "solid"
        name = chip.inner_text()
        chip.click()
        expect(page).to_have_url(re.compile("filter="))
        # the filters are drawn again for the new results: the chosen one, found again by its name, is bold
        expect(page.locator(".search-filter label").filter(has_text=name).first).to_have_css("font-weight", "600")
        context.close()
