"""The chronology of the five reports, checked against their text by hand; curation; exports."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import jsonschema
import pytest
from bs4 import BeautifulSoup
from conftest import build

M, D, N, H, Z = "munhwa-2023-07-us-cloud-access-curb", "dt-2024-08-overseas-cloud-h100", "newsdream-2024-08-aws-tenders", \
    "hani-2024-07-ms-google-cloud-china", "zdnet-2025-11-offshore-ai-training"

# (date, precision, sources) for every dated statement, read off the reports by hand.
EXPECTED = {
    ("2022-09", "month", (f"{N}#p-10",)),  # 2022년 9월에 금지된 A100
    ("2022-10", "month", (f"{M}#p-3",)),  # (2023-07 report) 지난해 10월 시행된 첨단반도체 수출 통제
    ("2023-06-26/2023-07-02", "week", (f"{M}#p-4",)),  # 지난주 EU 정상회의
    ("2023-07-04", "day", (M,)),  # publication
    ("2023-07-04", "day", (f"{M}#p-2",)),  # 4일 월스트리트저널(WSJ)은 … 보도했다
    ("2023-07-04", "day", (f"{M}#p-4",)),  # 이날 마스랄리 대변인
    ("2023-07-04", "day", (f"{M}#p-5",)),  # 이날 하베크 부총리
    ("2023-07-06", "day", (f"{M}#p-1", f"{M}#p-4")),  # 6일 예정된 옐런 방중 = 6∼9일 예정된 중국 방문
    ("2023-07-10", "day", (f"{M}#p-4",)),  # 오는 10일로 예정됐던 보렐 방중
    ("2023-10", "month", (f"{N}#p-11",)),  # 2023년 10월부터 금지됐다 (A800·H800)
    ("2023", "year", (f"{D}#p-5",)),  # 지난해 말부터 (2024-08 report)
    ("2024-01", "month", (f"{D}#p-10",)),  # 지난 1월 상무부 규정 제안
    ("2024-01/2024-06", "half", (f"{D}#p-11",)),  # 지난 상반기 설비투자
    ("2024-04", "month", (f"{N}#p-7",)),  # 2024년 4월 입찰 문서
    ("2024-04", "month", (f"{N}#p-12",)),  # 지난 4월 로이터 통신 (2024-08 report)
    ("2024-06", "month", (f"{D}#p-4",)),  # 지난 6월 호주 데이터센터
    ("2024-07-17", "day", (f"{H}#p-2",)),  # 17일(현지시각) 디인포메이션 보도
    ("2024-07-18", "day", (H,)),
    ("2024-08", "month", (N,)),
    ("2024-08-25", "day", (f"{D}#p-2",)),  # 25일(현지시간) WSJ 보도
    ("2024-08-26", "day", (D,)),
    ("2025", "year", (f"{Z}#p-6",)),  # 올해 가장 많은 엔비디아 칩
    ("2025-04", "month", (f"{Z}#p-3",)),  # (2025-11 report) 지난 4월 H20 제한
    ("2025-11", "month", (f"{Z}#p-12",)),  # 이달 초 트럼프·시진핑 회담
    ("2025-11-28", "day", (Z,)),
    ("2025-11-28", "day", (f"{Z}#p-2",)),  # 28일 파이낸셜타임즈에 따르면
}


def events(site: Path) -> list[dict]:
    return json.loads((site / "data" / "chronology.json").read_text(encoding="utf-8"))


def test_every_dated_event_at_its_date_and_precision(built_site: Path) -> None:
    found = {(e["date"], e["precision"], tuple(s["report"] + (f"#{s['anchor']}" if s["anchor"] else "") for s in e["sources"]))
             for e in events(built_site)}
    assert found == EXPECTED


def test_future_events_and_merges(built_site: Path) -> None:
    data = events(built_site)
    assert {e["id"] for e in data if e["status"] in ("scheduled", "planned")} == {f"{M}#p-1.1"}  # Yellen's visit, ahead
    # "오는 10일로 예정됐던 … 방중 일정을 … 취소했다": called off, not ahead
    assert {e["id"] for e in data if e["status"] == "cancelled"} == {f"{M}#p-4.1"}
    yellen = next(e for e in data if e["id"] == f"{M}#p-1.1")
    assert "janet-yellen" in yellen["entities"] and len(yellen["sources"]) == 2


def test_curated_labels_are_applied_and_marked(built_site: Path) -> None:
    h20 = next(e for e in events(built_site) if e["id"] == f"{Z}#p-3.1")
    assert h20["headline"] == "미국 — 중국 전용 H20 칩 수출 추가 제한" and h20["curated"]
    assert "H20 칩 수출까지 추가로 제한한" in h20["text"]


def test_chronology_page_groups_by_year_with_sources_and_an_overview(built_site: Path) -> None:
    page = BeautifulSoup((built_site / "chronology" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert [h.get_text(" ", strip=True) for h in page.select("section.year h2")] == ["2022년 2건", "2023년 9건", "2024년 10건", "2025년 5건"]
    overview = page.select_one(".overview")
    assert overview.h2.get_text() == "달마다 본 사건 수"
    assert [a.get_text(" ", strip=True) for a in overview.select("a.chart-year")] == ["2022년 2건", "2023년 9건", "2024년 10건", "2025년 5건"]
    # every event dated to a month or finer has its month's bar; a year or a half-year counts in its year only
    coarse = sum(1 for e in events(built_site) if e["precision"] in ("year", "half"))
    assert coarse == 3 and sum(int(a.get_text()) for a in overview.select("a.bar .n")) == len(EXPECTED) - coarse
    first = page.select("li.event")[0]
    assert first.select_one("time").get_text() == "2022년 9월"
    assert first.select_one(".sources a")["href"] == f"../reports/{N}/#p-10"
    assert page.select_one("li.event.future .badge").get_text() == "예정"


def test_entity_pages_list_their_events(built_site: Path) -> None:
    page = BeautifulSoup((built_site / "entities" / "h20" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert [li.select_one("time").get_text() for li in page.select(".entity-events li")] == ["2025년 4월"]


def test_exports_csv_and_timelinejs(built_site: Path) -> None:
    rows = list(csv.DictReader(io.StringIO((built_site / "data" / "chronology.csv").read_text(encoding="utf-8"))))
    assert len(rows) == len(EXPECTED) and rows[0]["date"] == "2022-09" and rows[0]["sources"] == f"{N}#p-10"
    timeline = json.loads((built_site / "data" / "timeline.json").read_text(encoding="utf-8"))
    assert len(timeline["events"]) == len(EXPECTED)
    event = timeline["events"][0]
    assert event["start_date"] == {"year": "2022", "month": "9"} and event["text"]["headline"]
    week = next(e for e in timeline["events"] if e["display_date"].startswith("2023년 6월 26일"))
    assert week["end_date"] == {"year": "2023", "month": "7", "day": "2"}


@pytest.mark.parametrize("curation, line, message", [
    ('[events."no-such-report#p-1.1"]\nlabel = "x"\n', 3, "no event 'no-such-report#p-1.1'"),
    (f'[events."{Z}#p-3.1"]\ndate = "2025-13"\n', 4, "'date' in [events.\"" + Z + "#p-3.1\"]: '2025-13' must be"),
    (f'[events."{Z}#p-3.1"]\ncolour = "red"\n', 4, "unknown key 'colour'"),
    (f'[events."{Z}#p-3.1"]\nhide = "no"\n', 4, "'hide' in [events.\"" + Z + "#p-3.1\"]: must be true or false, not 'no'"),
    ('[[added]]\nid = "x"\ndate = "2020"\nlabel = "y"\nentities = ["nobody"]\n', 7, "unknown entity 'nobody'"),
    ('[[added]]\nid = "x"\ndate = "2020"\nlabel = "y"\nentities = "nvidia"\n', 7, "must be a list of text, not 'nvidia'"),
    (f'[[added]]\nid = "{Z}#p-3.1"\ndate = "2020"\nlabel = "y"\n', 4, "is an extracted event's"),
    ('[[added]]\nid = "x"\ndate = "2020"\nlabel = "y"\n[[added]]\nid = "x"\ndate = "2021"\nlabel = "z"\n', 8,
     "id 'x' is already used"),
])
def test_curation_mistakes_name_the_file_and_line(project: Path, curation: str, line: int, message: str) -> None:
    from microsite.errors import UserError
    (project / "content" / "chronology.toml").write_text("# notes\n\n" + curation, encoding="utf-8")
    with pytest.raises(UserError) as raised:
        build(project, search=False)
    assert raised.value.path == "content/chronology.toml" and raised.value.line == line
    assert message in raised.value.message


def test_curation_can_hide_merge_redate_and_add(project: Path) -> None:
    (project / "content" / "chronology.toml").write_text(f'''
[events."{Z}#p-6.1"]
hide = true

[events."{N}#p-12.1"]
merge_into = "{N}#p-7.1"

[events."{M}#p-3.1"]
date = "2022-10-07"

[[added]]
id = "bis-2022-10-07"
date = "2022-10-07"
label = "미 상무부 산업안보국, 첨단 컴퓨팅 칩 수출 통제 규정 발표"
entities = ["us-commerce"]
''', encoding="utf-8")
    build(project, search=False)
    data = {e["id"]: e for e in events(project / "site")}
    assert f"{Z}#p-6.1" not in data and f"{N}#p-12.1" not in data
    assert [s["anchor"] for s in data[f"{N}#p-7.1"]["sources"]] == ["p-7", "p-12"]
    assert data[f"{M}#p-3.1"]["date"] == "2022-10-07" and data[f"{M}#p-3.1"]["precision"] == "day"
    assert data["bis-2022-10-07"]["kind"] == "added" and data["bis-2022-10-07"]["curated"]


def test_relative_dates_of_an_undated_report_are_left_out_and_reported(project: Path) -> None:
    from microsite.errors import Diagnostics
    from microsite.ingest import ingest
    ingest(project, project / "seeds", project / "content", Diagnostics(), missing_only=False)
    page = project / "content" / "reports" / f"{Z}.md"
    page.write_text(page.read_text(encoding="utf-8").replace("published: '2025-11-28'", "published: ''"), encoding="utf-8")
    (project / "content" / "chronology.toml").unlink()  # it curates an event of that report
    diagnostics = build(project, search=False)
    assert any(w.startswith(f"content/reports/{Z}.md: warning: 4 relative date(s) left off the chronology: they need")
               for w in diagnostics.warnings), diagnostics.warnings
    data = events(project / "site")
    assert not any(e["id"].startswith(Z) for e in data)


def test_curation_keeps_applying_when_a_syndicated_copy_merges_with_its_events(project: Path) -> None:
    """A second capture of the NewsDream report under a slug that sorts first: its dated
    sentences merge with the original's events, and every curation entry still applies,
    whichever id the merged event keeps."""
    seeds = project / "seeds"
    original = (seeds / "003_d5f99f8ceb04c24e.txt").read_text(encoding="utf-8")
    (seeds / "010_syndicated.txt").write_text("아시아와이어\n" + original, encoding="utf-8")
    with (seeds / "sources.toml").open("a", encoding="utf-8") as manifest:
        manifest.write('\n[seeds."010_syndicated.txt"]\nslug = "asiawire-2024-08-aws-tenders"\noutlet = "아시아와이어"\n'
                       'published = "2024-08"\ntitle = "중국 AI 기업, 아마존 클라우드로 미국 칩 우회 사용"\n')
    build(project, search=False)
    data = events(project / "site")
    merged = next(e for e in data if f"{N}#p-10.1" in [e["id"], *e["aliases"]])
    assert {s["report"] for s in merged["sources"]} == {N, "asiawire-2024-08-aws-tenders"}
    assert merged["headline"] == "미국 — 엔비디아 A100·H100의 대중국 수출 금지" and merged["curated"]
    labels = {e["headline"] for e in data}
    assert {"미국 — 중국 시장용 A800·H800 칩 수출 금지", "재닛 옐런 미 재무장관 방중(7월 6∼9일)"} <= labels


def test_exports_carry_no_live_markup_and_no_spreadsheet_formulas(project: Path) -> None:
    """A seed's or a curator's text is data in every export: escaped where it is shown as
    HTML (TimelineJS), never a formula in a spreadsheet (CSV)."""
    (project / "content" / "chronology.toml").write_text(
        '[[added]]\nid = "hostile"\ndate = "2024-01-01"\nlabel = "<img src=x onerror=alert(1)>"\n'
        'text = "=HYPERLINK(\\"http://example.com\\",\\"x\\")"\n', encoding="utf-8")
    build(project, search=False)
    timeline = json.loads((project / "site" / "data" / "timeline.json").read_text(encoding="utf-8"))
    hostile = next(e for e in timeline["events"] if e["unique_id"] == "hostile")
    assert "<img" not in hostile["text"]["headline"] and "&lt;img" in hostile["text"]["headline"]
    rows = list(csv.DictReader(io.StringIO((project / "site" / "data" / "chronology.csv").read_text(encoding="utf-8"))))
    row = next(r for r in rows if r["id"] == "hostile")
    assert row["text"].startswith("'=HYPERLINK(") and not any(value.startswith("=") for r in rows for value in r.values())


def test_the_json_export_follows_its_schema_and_says_who_what_when_according_to_whom(built_site: Path) -> None:
    schema = json.loads((built_site / "data" / "chronology.schema.json").read_text(encoding="utf-8"))
    data = events(built_site)
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(data, schema)
    with pytest.raises(jsonschema.ValidationError):  # the schema does constrain: a status it does not know
        jsonschema.validate([{**data[0], "status": "rumoured"}], schema)
    cancelled = next(e for e in data if e["status"] == "cancelled")
    assert cancelled["actors"] and cancelled["headline"].startswith("중국 — ")
    wsj = next(e for e in data if e["id"] == "dt-2024-08-overseas-cloud-h100#p-2.1")
    assert wsj["sources"][0]["cites"] == "월스트리트저널" and wsj["sources"][0]["outlet"] == "디지털타임스"
    assert wsj["sources"][0]["url"] == "../reports/dt-2024-08-overseas-cloud-h100/#p-2"
    assert all(e["corroboration"] == len({s["report"] for s in e["sources"]}) for e in data)


def test_csv_and_timeline_exports_carry_the_records(built_site: Path) -> None:
    rows = list(csv.DictReader((built_site / "data" / "chronology.csv").read_text(encoding="utf-8").splitlines()))
    data = events(built_site)
    assert [r["id"] for r in rows] == [e["id"] for e in data]
    assert [r["headline"] for r in rows] == [e["headline"] for e in data]
    assert {r["status"] for r in rows} >= {"happened", "scheduled", "cancelled"}
    timeline = json.loads((built_site / "data" / "timeline.json").read_text(encoding="utf-8"))
    assert len(timeline["events"]) == len(data)
    cancelled = next(t for t in timeline["events"] if "취소" in t["display_date"])
    assert cancelled["text"]["headline"].startswith("중국 — ")
