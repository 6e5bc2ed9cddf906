"""A report page as a reader uses it: passages that link to themselves, the rail of names,
events, related reports and neighbours beside the text on wide screens and after it on
phones, a metadata box that does not push the article off a phone's first screen, and the
evidence notes in the site's language first."""
from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup
from conftest import build

REPORT = "reports/munhwa-2023-07-us-cloud-access-curb/"


def soup(site: Path, address: str) -> BeautifulSoup:
    return BeautifulSoup((site / address / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_every_paragraph_and_heading_of_a_report_ends_in_a_link_to_itself(browser, served: dict, built_site: Path) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    for path in sorted((built_site / "reports").glob("*/index.html")):
        html = path.read_text(encoding="utf-8")
        assert "self-link" not in html and "¶" not in html  # drawn by the page's script: the HTML stays light
        ids = [block["id"] for block in BeautifulSoup(html, "html.parser").select(".report-body > [id]")
               if block.name in ("p", "h2", "h3")]
        assert ids, path
        page.goto(served["/"] + f"reports/{path.parent.name}/")
        links = page.evaluate("""() => Array.from(document.querySelectorAll('.report-body > [id]'))
            .filter(block => /^(P|H2|H3)$/.test(block.tagName))
            .map(block => { const a = block.lastElementChild;
                            return [block.id, a && a.className, a && a.getAttribute('href'), a && a.getAttribute('aria-label')]; })""")
        assert [link[0] for link in links] == ids
        for anchor, name, href, label in links:
            assert (name, href) == ("self-link", f"#{anchor}") and label.endswith(f"({anchor})"), (path, anchor)
            assert label.startswith("이 문단의 주소" if anchor.startswith("p-") else "이 절의 주소")
    context.close()


def test_the_evidence_notes_come_in_the_sites_language_first_the_others_named(built_site: Path) -> None:
    notes = soup(built_site, REPORT).select(".provenance p.notes")
    assert [note["lang"] for note in notes] == ["ko", "en"]
    assert "재닛 옐런은 2023년 7월 6∼9일 베이징을 방문했으며" in notes[0].get_text()
    assert notes[1].select_one(".note-language").get_text() == "영어: "
    assert "Janet Yellen visited Beijing" in notes[1].get_text()


def test_a_plain_note_is_in_the_language_its_letters_say(project: Path) -> None:
    manifest = project / "seeds" / "sources.toml"
    text = manifest.read_text(encoding="utf-8")
    start = text.index('[seeds."001_a46f637c51e4cce2.txt".notes]')
    end = text.index("[seeds.", start + 10)
    manifest.write_text(text[:start] + 'notes = "Dated by the WSJ story it relays."\n\n' + text[end:], encoding="utf-8")
    build(project, search=False)
    notes = soup(project / "site", REPORT).select(".provenance p.notes")
    assert [(note["lang"], note.get_text()) for note in notes] == [("en", "영어: Dated by the WSJ story it relays.")]


def test_a_passage_link_shows_on_hover_and_focus_and_gives_the_passage_address(browser, served: dict) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(served["/repo/"] + REPORT)
    link = page.locator("#p-3 > a.self-link")
    assert "¶" not in page.locator("#p-3").text_content()  # a copied or quoted passage is only its words
    assert link.evaluate("a => getComputedStyle(a).opacity") == "0"
    page.hover("#p-3")
    assert link.evaluate("a => getComputedStyle(a).opacity") == "1"
    page.mouse.move(0, 0)
    link.focus()
    assert link.evaluate("a => getComputedStyle(a).opacity") == "1"
    link.click()
    assert page.url.endswith(f"{REPORT}#p-3")
    context.close()


def box(page, selector: str) -> dict:
    return page.locator(selector).first.bounding_box()


def test_the_rail_stands_beside_the_text_on_a_wide_screen_and_after_it_on_a_phone(browser, served: dict) -> None:
    for width, beside in ((1280, True), (375, False)):
        context = browser.new_context(viewport={"width": width, "height": 900})
        page = context.new_page()
        page.goto(served["/"] + REPORT)
        body, rail = box(page, ".report-body"), box(page, ".report-rail")
        names, events = box(page, ".report-rail .in-report"), box(page, ".report-rail .report-events")
        if beside:
            assert rail["x"] >= body["x"] + body["width"] and rail["y"] < body["y"]
            assert names["y"] < events["y"]  # the names the text links lead the rail
        else:
            assert rail["y"] >= body["y"] + body["height"] and abs(rail["x"] - body["x"]) < 1
        context.close()


def test_on_a_phone_each_metadata_label_stands_on_the_line_of_its_value(browser, served: dict) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    page.goto(served["/"] + REPORT)
    rows = page.locator(".report-meta > div")
    assert rows.count() >= 3
    for index in range(rows.count()):
        label, value = rows.nth(index).locator("dt").bounding_box(), rows.nth(index).locator("dd").bounding_box()
        assert abs(label["y"] - value["y"]) < 2 and value["x"] > label["x"] + label["width"]
    context.close()
