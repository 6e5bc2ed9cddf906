"""A report leads to its related reports (the same events, uncommon shared names) and to its
neighbours by date."""
from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup
from conftest import copy_project
from playwright.sync_api import expect

import microsite.model as model
from microsite.content.config import load_config
from microsite.model.related import Related, related_reports
from microsite.pipeline.sync import Pipeline


def test_a_copy_ranks_first_and_a_name_every_report_has_relates_nothing() -> None:
    order = ["d", "c", "b", "a"]  # newest first
    mentioned = {"a": frozenset({"nvidia", "tencent"}), "b": frozenset({"nvidia", "tencent"}),
                 "c": frozenset({"nvidia"}), "d": frozenset({"nvidia", "huawei"})}
    events = {"a": ["a#p-1.1"], "b": [], "c": ["a#p-1.1"], "d": []}
    related = related_reports(order, mentioned, events)
    assert related["a"] == (Related("c", 1, 1), Related("b", 0, 2))  # the shared event outweighs the shared name
    assert related["d"] == ()  # nvidia is in every report: it says nothing
    assert all(slug not in {r.slug for r in found} for slug, found in related.items())


def test_ties_go_to_the_nearest_in_time_and_the_list_is_bounded() -> None:
    order = [f"r{n}" for n in range(20)]
    mentioned = {slug: frozenset({"rare"}) if slug in ("r3", "r9", "r11") else frozenset({"x" + slug}) for slug in order}
    related = related_reports(order, mentioned, {}, limit=1)
    assert related["r9"] == (Related("r11", 0, 1),)  # r11 is two reports away, r3 six
    assert related_reports(order, mentioned, {}) == related_reports(list(order), dict(mentioned), {})


def test_a_widely_told_event_counts_but_brings_no_candidates(monkeypatch) -> None:
    import microsite.model.related as related
    monkeypatch.setattr(related, "CANDIDATE_REPORTS", 2)
    order = ["a", "b", "c", "d"]
    mentioned = {"a": frozenset({"x"}), "b": frozenset({"x"}), "c": frozenset({"y"}), "d": frozenset({"z"})}
    events = {"a": ["wide"], "b": ["wide"], "c": ["wide"], "d": []}  # three reports tell it: more than two
    found = related.related_reports(order, mentioned, events)
    assert found["a"] == (Related("b", 1, 1),)  # b comes by the shared name, and the wide event counts for it
    assert found["c"] == ()  # c shares only the wide event: no candidate


def test_related_reports_are_weighed_again_only_when_names_or_events_change(tmp_path: Path, monkeypatch) -> None:
    project = copy_project(tmp_path / "project", with_reports=True)
    weighed = []
    monkeypatch.setattr(model, "related_reports", lambda *args: weighed.append(1) or related_reports(*args))
    pipeline = Pipeline(load_config(project), search=False)
    first = pipeline.prepare().site.model.related
    report = project / "content" / "reports" / "hani-2024-07-ms-google-cloud-china.md"
    report.write_text(report.read_text(encoding="utf-8") + "\n덧붙인 문장이다.\n", encoding="utf-8")  # no name, no date
    assert pipeline.prepare().site.model.related == first and len(weighed) == 1
    report.write_text(report.read_text(encoding="utf-8") + "\n화웨이도 같은 방식을 검토했다.\n", encoding="utf-8")  # a name
    again = pipeline.prepare().site.model.related
    assert len(weighed) == 2 and again == related_reports(*_inputs(pipeline))  # as a fresh weighing finds


def _inputs(pipeline: Pipeline) -> tuple:
    site = pipeline.last.site
    order = [report.slug for report in site.model.corpus.reports]
    return (order, {slug: site.mentioned(slug) for slug in order},
            {slug: [event.id for event in site.events_in.get(slug, ())] for slug in order})


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_report_pages_list_related_reports_and_chain_by_date(built_site: Path) -> None:
    pages = {path.parent.name: soup(path) for path in (built_site / "reports").glob("*/index.html")}
    for slug, page in pages.items():
        links = [a["href"] for a in page.select(".related-reports li a")]
        assert links and all(f"/{slug}/" not in href for href in links), slug
        assert all(li.select_one(".meta").get_text().count("·") >= 2 for li in page.select(".related-reports li"))
    oldest = next(slug for slug, page in pages.items() if not page.select(".report-neighbours a.older"))
    seen, slug = [], oldest
    while slug:  # from the oldest, "다음 보도" visits every report once
        seen.append(slug)
        newer = pages[slug].select_one(".report-neighbours a.newer")
        slug = newer["href"].rstrip("/").split("/")[-1] if newer else None
    assert sorted(seen) == sorted(pages) and len(seen) == len(set(seen))


def test_a_reader_steps_to_the_next_report_and_to_a_related_one(served: dict, browser) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 800}, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(f"{served['/repo/']}reports/munhwa-2023-07-us-cloud-access-curb/")
    page.locator(".report-neighbours a.newer").tap()
    expect(page).to_have_url(f"{served['/repo/']}reports/hani-2024-07-ms-google-cloud-china/")
    first = page.locator(".related-reports li a").first
    title = first.inner_text()
    first.tap()
    expect(page.locator("h1")).to_have_text(title)
    context.close()
