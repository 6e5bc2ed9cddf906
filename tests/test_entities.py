"""The registry, the links on report pages, the entity pages and the data export."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT

from microsite.content.entities import load_entities
from microsite.errors import UserError

REPORTS = ["hani-2024-07-ms-google-cloud-china", "munhwa-2023-07-us-cloud-access-curb", "dt-2024-08-overseas-cloud-h100",
           "newsdream-2024-08-aws-tenders", "zdnet-2025-11-offshore-ai-training"]


def page(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_shared_entities_reach_the_reports_the_issue_names(built_site: Path) -> None:
    data = json.loads((built_site / "data" / "entities.json").read_text(encoding="utf-8"))
    reports = {e["id"]: e["reports"] for e in data["entities"]}
    assert reports["nvidia"] == 5 and reports["alibaba"] == 4 and reports["h100"] == 4
    assert reports["us-commerce"] == 3 and reports["singapore"] == 2


def test_first_mention_links_once_per_entity_and_never_in_headings(built_site: Path) -> None:
    for slug in REPORTS:
        body = page(built_site, f"reports/{slug}").select_one(".report-body")
        linked = [a["data-entity"] for a in body.select("a.entity")]
        assert len(linked) == len(set(linked)), slug
        assert not body.select("h2 a.entity")
        for link in body.select("a.entity"):
            assert link["href"] == f"../../entities/{link['data-entity']}/"
    hani = page(built_site, f"reports/{REPORTS[0]}").select_one(".report-body")
    assert hani.select_one('a[data-entity="microsoft"]').get_text() == "마이크로소프트"  # in the caption, first
    munhwa = page(built_site, f"reports/{REPORTS[1]}").select_one(".report-body")
    assert munhwa.select_one('a[data-entity="microsoft"]').get_text() == "마이크로소프트(MS)"


def script(char: str) -> str | None:
    if "가" <= char <= "힣":
        return "hangul"
    return "latin" if char.isascii() and char.isalnum() else None


def test_no_false_links_in_the_five_reports(built_site: Path) -> None:
    """Each linked text is what the entity is called, never part of another word."""
    names = {}
    for entity in load_entities(ROOT / "content" / "entities", ROOT):
        names[entity.id] = [a.text for a in entity.aliases]
    for slug in REPORTS:
        for link in page(built_site, f"reports/{slug}").select(".report-body a.entity"):
            text = link.get_text()
            assert any(text == alias or text.startswith(alias + "(") for alias in names[link["data-entity"]]), text
            before = link.previous_sibling
            if isinstance(before, str) and before:
                assert script(before[-1]) is None or script(before[-1]) != script(text[0]), (slug, before[-5:], text)


def test_entity_page_lists_every_mention_with_a_working_anchor(built_site: Path) -> None:
    data = {e["id"]: e for e in json.loads((built_site / "data" / "entities.json").read_text(encoding="utf-8"))["entities"]}
    nvidia = page(built_site, "entities/nvidia")
    sentences = nvidia.select(".sentences li")
    distinct = {(m["report"], m["anchor"], m["start"] - m["sentence_start"]) for m in data["nvidia"]["mentions"]}
    assert len(sentences) == len(distinct)
    assert len(nvidia.select(".sentences mark")) == len(data["nvidia"]["mentions"])
    for sentence in sentences:
        link = sentence.select_one("a.sentence-link")
        target, anchor = link["href"].split("#")
        kind, number = anchor.rsplit("-", 1)
        assert link.get_text() == {"p": f"{number}문단", "s": f"소제목 {number}", "fig": f"사진 {number}"}[kind]
        report = BeautifulSoup((built_site / "entities" / "nvidia" / target / "index.html").read_text(encoding="utf-8"), "html.parser")
        paragraph = report.find(id=anchor)
        assert paragraph is not None
        text = sentence.get_text()[:-len(link.get_text())].strip()
        assert text and text in paragraph.get_text()
    titles = [h.get_text() for h in nvidia.select(".mention-report h4")]
    assert titles[0] == "엔비디아 수출 규제에 中 빅테크, AI 개발 '해외 우회' 가속" and len(titles) == 5
    for report in nvidia.select(".mention-report"):  # two sentences each in view, the rest folded
        assert len(report.select(":scope article > .sentences > li")) == min(2, len(report.select(".sentences li")))


def test_entity_page_has_sections_with_counts_and_its_events_newest_first(built_site: Path) -> None:
    nvidia = page(built_site, "entities/nvidia")
    toc = [a["href"] for a in nvidia.select(".entity-toc a")]
    assert toc == ["#overview", "#events", "#mentions"] and all(nvidia.find(id=target[1:]) for target in toc)
    assert "보도 5건" in nvidia.select_one(".entity-toc a[href='#mentions']").get_text()
    dates = [time["datetime"] for time in nvidia.select("#events .events time")]
    assert len(dates) >= 2 and dates == sorted(dates, reverse=True)
    # the chart: a bar per month that had reports naming it, each leading to that month's heading
    bars = {bar["href"]: bar.select_one(".n").get_text() for bar in nvidia.select(".entity-chart a.bar")}
    assert bars == {"#m2025-11": "1", "#m2024-08": "2", "#m2024-07": "1", "#m2023-07": "1"}
    assert [h["id"] for h in nvidia.select("#mentions .month-title")] == ["m2025-11", "m2024-08", "m2024-07", "m2023-07"]


def test_entities_json_offsets_point_at_the_mention(built_site: Path) -> None:
    data = json.loads((built_site / "data" / "entities.json").read_text(encoding="utf-8"))
    total = 0
    for entity in data["entities"]:
        for mention in entity["mentions"]:
            assert mention["sentence"][mention["sentence_start"]:mention["sentence_end"]] == mention["text"]
            assert mention["end"] - mention["start"] == len(mention["text"])
            total += 1
    assert total > 200


def test_report_lists_its_entities_by_kind(built_site: Path) -> None:
    dt = page(built_site, f"reports/{REPORTS[2]}").select_one(".in-report")
    kinds = [dt_.get_text() for dt_ in dt.select("dt")]
    assert kinds[:2] == ["기업", "칩"] and "지역" in kinds and "인물" in kinds


def test_entity_index_tables_count_reports_by_month_and_outlet_and_link_to_them(built_site: Path) -> None:
    index = page(built_site, "entities")
    by_time, by_outlet, _by_origin = index.select("table.matrix")  # the third: tests/test_origin_pages.py
    assert [th.get_text() for th in by_time.select("thead th")] == ["이름", "2025.11", "2024.08", "2024.07", "2023.07"]
    assert [th.get_text() for th in by_outlet.select("thead th")][1:] == ["뉴스드림", "디지털타임스", "문화일보", "지디넷코리아", "한겨레"]
    rows = {row.select_one("th").get_text(): [td.get_text() for td in row.select("td")] for row in by_time.select("tbody tr")}
    assert rows["엔비디아"] == ["1", "2", "1", "1"]  # every seed names it; two of them in August 2024
    assert all(region["role"] == "region" for region in index.select(".matrix-scroll"))
    for cell in by_time.select("td a"):  # a month's cell: that month's reports on the entity's page
        target, month = cell["href"].split("#")
        entity = BeautifulSoup((built_site / "entities" / target.split("/", 2)[-1] / "index.html").read_text(encoding="utf-8"), "html.parser")
        assert len(entity.find(id=month).find_parent("section").select(".mention-report")) == int(cell.get_text()), cell
    outlets = [th.get_text() for th in by_outlet.select("thead th")][1:]
    for row in by_outlet.select("tbody tr"):
        for cell, outlet in zip(row.select("td"), outlets, strict=True):  # an outlet's cell: the entity's mentions by that outlet
            if not cell.a:
                continue
            path, query = cell.a["href"].split("#")[0].partition("?")[::2]
            entity = BeautifulSoup((built_site / path[len("../"):] / "index.html").read_text(encoding="utf-8"), "html.parser")
            named = [meta.get_text() for meta in entity.select(".mention-report .outlet")]
            assert named.count(outlet) == int(cell.get_text()) and cell.a["href"].endswith("#mentions"), (row.th.get_text(), outlet)
            # a filter for an entity several reports name; one report's page shows it already
            assert unquote(query) == (f"outlet={outlet}" if len(named) > 1 else ""), cell.a["href"]


@pytest.mark.parametrize("front, message", [
    ("name: 테스트\nkind: company\naliases: [엔비디아]\n", "alias '엔비디아' is already claimed by entity 'nvidia'"),
    ("name: 테스트\nkind: company\naliases: []\n", "'aliases' must be a non-empty list"),
    ("name: 테스트\nkind: planet\naliases: [테스트사]\n", "unknown kind 'planet'"),
    ("name: 테스트\nkind: company\naliases: [테]\n", "one-syllable alias '테'"),
    ("name: 테스트\nkind: company\naliases: [테스트사, 테스트사]\n", "listed twice"),
])
def test_registry_mistakes_stop_with_path_and_line(tmp_path: Path, front: str, message: str) -> None:
    folder = tmp_path / "entities"
    folder.mkdir()
    (folder / "nvidia.md").write_text("---\nname: 엔비디아\nkind: company\naliases: [엔비디아]\n---\n", encoding="utf-8")
    (folder / "zz-test.md").write_text(f"---\n{front}---\n", encoding="utf-8")
    with pytest.raises(UserError) as raised:
        load_entities(folder, tmp_path)
    assert message in raised.value.message
    assert str(raised.value.path).endswith("zz-test.md") and raised.value.line in (2, 3, 4)


def test_entity_file_names_are_ascii_ids(tmp_path: Path) -> None:
    folder = tmp_path / "entities"
    folder.mkdir()
    (folder / "Nvidia.md").write_text("---\nname: 엔비디아\nkind: company\naliases: [엔비디아]\n---\n", encoding="utf-8")
    with pytest.raises(UserError, match="must be lowercase ASCII"):
        load_entities(folder, tmp_path)


def test_suggest_lists_uncovered_recurring_terms() -> None:
    result = subprocess.run([sys.executable, "build.py", "entities", "--suggest"], cwd=ROOT, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    terms = [line.split("\t")[0].strip() for line in result.stdout.splitlines()[1:]]
    assert "GPU" in terms
    assert not {"엔비디아", "알리바바", "중국", "H100"} & set(terms)  # covered by the registry
