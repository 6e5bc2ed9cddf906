"""Original sources on the built site: a media outlet's page lists the reports that credit
it, with their sentences, cues and dates; a report's page marks each credited sentence
with a link to its source; the entity index shows which originals feed which outlets;
and a reader follows a marker to the source's page and back, in Chromium."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import build, copy_project, error_free_tab
from playwright.sync_api import expect

DT, MUNHWA, NEWSDREAM, HANI = ("dt-2024-08-overseas-cloud-h100", "munhwa-2023-07-us-cloud-access-curb",
                               "newsdream-2024-08-aws-tenders", "hani-2024-07-ms-google-cloud-china")


def soup(site: Path, address: str) -> BeautifulSoup:
    return BeautifulSoup((site / address / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_an_outlet_page_lists_the_reports_that_credit_it(built_site: Path) -> None:
    section = soup(built_site, "entities/wsj").select_one("section#origins")
    reports = section.select("li.origin-report")
    assert [r["id"] for r in reports] == [f"origin-{DT}", f"origin-{MUNHWA}"]  # newest first
    assert "보도 2건(매체 2곳)" in section.h2.get_text()
    dt, munhwa = reports
    assert dt.h3.a["href"] == f"../../reports/{DT}/" and dt.select_one(".outlet").get_text() == "디지털타임스"
    assert dt.time["datetime"] == "2024-08-26"
    links = [a["href"] for a in dt.select("a.sentence-link")]
    assert links == [f"../../reports/{DT}/#p-2", f"../../reports/{DT}/#p-6", f"../../reports/{DT}/#p-9"]
    first = dt.select("ul.sentences > li")[0]
    assert first.get_text().startswith("25일(현지시간) 미 일간 월스트리트저널(WSJ) 보도에 따르면 중국 AI 기업들은")
    assert first.mark.get_text() == "월스트리트저널(WSJ)" and "(“…보도에 따르면”)" in first.select_one(".cue").get_text()
    # the date the chronology read in the sentence, linked to its event
    date = first.select_one("a.origin-date")
    assert date.time["datetime"] == "2024-08-25" and date["href"].startswith("../../chronology/#")
    cues = [li.select_one(".cue").get_text() for li in munhwa.select("ul.sentences > li")]
    assert cues == ["(“…보도했다”)", "(“…전망했다”)"]
    assert munhwa.select_one("a.origin-date").time["datetime"] == "2023-07-04"  # "4일 월스트리트저널(WSJ)은 …"


def test_more_sentences_fold_and_an_outlet_without_credits_has_no_section(built_site: Path) -> None:
    reuters = soup(built_site, "entities/reuters").select_one("section#origins li.origin-report")
    assert reuters["id"] == f"origin-{NEWSDREAM}"
    assert len(reuters.select(":scope > article > ul.sentences > li")) == 2
    folded = reuters.select("details.more-sentences li")
    assert [li.select_one("a.sentence-link")["href"].rsplit("#")[1] for li in folded] == ["p-12", "p-14"]
    assert "(“…발견했다”)" in folded[0].get_text()
    assert soup(built_site, "entities/nvidia").select_one("section#origins") is None  # not a source
    toc = [a["href"] for a in soup(built_site, "entities/ft").select("nav.entity-toc a")]
    assert toc == ["#overview", "#events", "#origins", "#mentions"]


def test_a_report_marks_each_credited_sentence_with_its_source(built_site: Path) -> None:
    body = soup(built_site, f"reports/{NEWSDREAM}").select_one(".report-body")
    markers = body.select("a.origin")
    assert [(m.find_parent("p")["id"], m.get_text()) for m in markers] == [
        ("p-4", "원 보도: 코인텔레그래프"), ("p-4", "원 보도: 로이터"), ("p-5", "원 보도: 로이터"), ("p-12", "원 보도: 로이터"),
        ("p-14", "원 보도: 로이터")]
    assert markers[0]["href"] == f"../../entities/cointelegraph/#origin-{NEWSDREAM}"
    assert markers[1]["href"] == f"../../entities/reuters/#origin-{NEWSDREAM}"
    for marker in markers:
        assert marker.has_attr("data-pagefind-ignore")  # out of the search index: phrases read across it
        assert marker.find_parent("a") is None and marker.select_one("span.visually-hidden").get_text() == "원 보도: "
    # right after the sentence's full stop, the next sentence unmarked
    p4 = body.select_one("#p-4")
    assert str(p4).count('class="origin"') == 2
    assert markers[2].previous_sibling.endswith("모색한 것으로 나타났다. ") or \
        markers[2].previous_sibling.endswith("모색한 것으로 나타났다.")
    # the mentions are still linked, once per entity, and the paragraph keeps its text
    assert p4.select_one("a.entity[data-entity=cointelegraph]").get_text() == "코인텔레그래프(Cointelegraph)"
    assert body.select_one("#p-5 a.entity[data-entity=reuters]") is None  # linked in p-4 already
    # a report that credits no sentence of a paragraph has no marker there
    assert soup(built_site, f"reports/{NEWSDREAM}").select_one("#p-1 a.origin") is None


def test_the_index_shows_which_originals_feed_which_outlets(built_site: Path) -> None:
    page = soup(built_site, "entities")
    table = page.select_one("#by-origin-title").find_parent("section").select_one("table")
    columns = [th.get_text() for th in table.select("thead th")][1:]
    rows = {tr.th.get_text(): dict(zip(columns, (td.get_text() for td in tr.select("td")), strict=True))
            for tr in table.select("tbody tr")}
    assert list(rows) == ["월스트리트저널", "파이낸셜타임스", "디인포메이션", "로이터", "코인텔레그래프"]
    assert rows["월스트리트저널"] == {name: ("1" if name in ("디지털타임스", "문화일보") else "") for name in columns}
    assert rows["파이낸셜타임스"]["지디넷코리아"] == "1" and rows["로이터"]["뉴스드림"] == "1"
    cell = next(td for td in table.select("tbody tr")[0].select("td") if td.a)
    assert cell.a["href"].startswith("../entities/wsj/#origin-")
    assert page.select_one("nav.entity-toc a[href='#by-origin-title']") is not None


@pytest.fixture
def page(browser):
    with error_free_tab(browser, 375, 740) as tab:
        yield tab


def test_a_reader_follows_a_marker_to_the_source_and_back(served: dict, page) -> None:
    base = served["/repo/"]
    page.goto(f"{base}reports/{NEWSDREAM}/")
    expect(page.locator("#p-5 a.self-link")).to_have_count(1)  # the ¶ link is still added
    page.locator("#p-5 a.origin").click()
    expect(page).to_have_url(f"{base}entities/reuters/#origin-{NEWSDREAM}")
    entry = page.locator(f"#origin-{NEWSDREAM}")
    expect(entry).to_be_in_viewport()
    sentence = entry.locator("li", has_text="로이터 통신에 따르면 50여 건")
    expect(sentence).to_be_visible()
    sentence.get_by_role("link", name="5문단").click()
    expect(page).to_have_url(f"{base}reports/{NEWSDREAM}/#p-5")
    expect(page.locator("#p-5")).to_be_in_viewport()
    page.go_back()
    expect(page).to_have_url(f"{base}entities/reuters/#origin-{NEWSDREAM}")


def test_search_highlighting_leaves_the_markers_alone(served: dict, page) -> None:
    base = served["/repo/"]
    page.goto(f"{base}reports/{HANI}/?highlight=%EB%94%94%EC%9D%B8%ED%8F%AC%EB%A9%94%EC%9D%B4%EC%85%98#p-2")
    expect(page.locator("#p-2 mark.pagefind-highlight").first).to_have_text("디인포메이션")
    expect(page.locator("#p-2 a.origin")).to_have_text(re.compile("디인포메이션$"))
    expect(page.locator("a.origin mark")).to_have_count(0)


def test_a_carried_credit_is_shown_on_both_pages(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project", with_reports=True)
    report = project / "content" / "reports" / f"{DT}.md"
    report.write_text(report.read_text(encoding="utf-8").replace(
        "집중하고 있다고 전했다.", "집중하고 있다고 전했다. 이어 투자가 더 늘 것이라고 전망했다."), encoding="utf-8")
    build(project, search=False)
    ft = soup(project / "site", "entities/ft").select_one(f"#origin-{DT}")
    carried = ft.select("ul.sentences > li")[1]
    assert carried.get_text().startswith("이어 투자가 더 늘 것이라고 전망했다.")
    assert "(앞 문장에 이어: “이어…”)" in carried.select_one(".cue").get_text()
    p12 = soup(project / "site", f"reports/{DT}").select_one("#p-12")
    assert [m.get_text() for m in p12.select("a.origin")] == ["원 보도: 파이낸셜타임스"] * 2
