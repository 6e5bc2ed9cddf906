"""One event, many sources: syndicated copies of the five reports merge into the events
they copy, ids stay stable as the archive grows, and the curation file keeps applying."""
from __future__ import annotations

import json
import re
import tomllib
from datetime import date, timedelta
from pathlib import Path

from conftest import ROOT, build, copy_project

OUTLETS = ["연합뉴스", "뉴스1", "뉴시스", "머니투데이", "서울경제", "아시아경제", "이데일리"]


def _front_and_body(path: Path) -> tuple[str, str]:
    _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
    return front, body


def _later(published: str, days: int) -> str:
    """A day or two after *published* (a month: the next month's first day)."""
    if len(published) != 10:
        year, month = map(int, published.split("-"))
        return date(year + month // 12, month % 12 + 1, 1).isoformat()
    return (date.fromisoformat(published) + timedelta(days=days)).isoformat()


def _with(front: str, **values: str) -> str:
    for key, value in values.items():
        front = re.sub(rf"(?m)^{key}: .*$", f"{key}: '{value}'", front)
    return front


def add_copies_and_strangers(project: Path) -> list[str]:
    """50 syndicated copies of the five reports (other outlets, published a day or two
    later, a wire credit line in front) and 50 unrelated reports; the copies' slugs."""
    originals = sorted((project / "content" / "reports").glob("*.md"))
    copies = []
    for number in range(50):
        original = originals[number % len(originals)]
        front, body = _front_and_body(original)
        published = re.search(r"(?m)^published: '?([\d-]+)'?$", front).group(1)
        slug = f"copy-{number:02d}-{original.stem}"[:60].rstrip("-")
        front = _with(front, slug=slug, outlet=OUTLETS[number % len(OUTLETS)], published=_later(published, 1 + number % 2))
        if number % 3 == 0:
            body = f"\n({OUTLETS[number % len(OUTLETS)]}) 편집부 기자 = " + body.lstrip("\n")
        (project / "content" / "reports" / f"{slug}.md").write_text(f"---\n{front}---\n{body}", encoding="utf-8")
        copies.append(slug)
    front, _ = _front_and_body(originals[0])
    for number in range(50):
        day = date(2021, 1, 4) + timedelta(days=17 * number)
        slug = f"weather-{number:02d}"
        body = (f"\n기상청은 {day.day}일 {['장마', '한파', '폭염', '황사', '태풍'][number % 5]} 특보를 발령했다. "
                f"지역 {number + 2}곳의 학교가 수업을 단축했다.\n\n이 특보는 {number % 3 + 2}일간 이어질 것으로 보인다.\n")
        text = _with(front, slug=slug, title=f"기상 특보 {number}호", outlet="날씨신문", published=day.isoformat())
        (project / "content" / "reports" / f"{slug}.md").write_text(f"---\n{text}---\n{body}", encoding="utf-8")
    return copies


def events(project: Path) -> list[dict]:
    return json.loads((project / "site" / "data" / "chronology.json").read_text(encoding="utf-8"))


def test_syndicated_copies_join_their_events_and_curation_still_applies(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project", with_reports=True)
    build(project, search=False)
    before = events(project)
    copies = add_copies_and_strangers(project)
    build(project, search=False)  # an entry that no longer applied would stop the build with path:line
    after = events(project)

    answers = {alias: e for e in after for alias in (e["id"], *e["aliases"])}
    assert {e["id"] for e in before} <= set(answers)  # every id still leads to its event
    curation = tomllib.loads((ROOT / "content" / "chronology.toml").read_text(encoding="utf-8"))
    for event_id, fields in curation["events"].items():
        event = answers[event_id]
        assert event["curated"], event_id
        if "label" in fields:
            assert event["headline"] == fields["label"], event_id
    kept = {e["id"] for e in before if e["kind"] == "reported"}
    assert all(answers[event_id]["id"] == event_id for event_id in kept)  # copies published later do not take it

    by_report = {}
    for event in after:
        for source in event["sources"]:
            if event["kind"] == "reported":
                by_report.setdefault(source["report"], set()).add(event["id"])
    for copy in copies:  # every dated sentence of a copy joined an event of its original
        original = copy.split("-", 2)[2]
        assert by_report[copy] <= by_report[original], copy
    yellen = answers["munhwa-2023-07-us-cloud-access-curb#p-1.1"]
    assert yellen["corroboration"] == 1 + sum(c.endswith("munhwa-2023-07-us-cloud-access-curb") for c in copies)

    seen = set()
    for event in after:  # no event twice
        assert (event["date"], event["headline"]) not in seen, event
        seen.add((event["date"], event["headline"]))
    weather = [e for e in after if any(s["report"].startswith("weather-") for s in e["sources"]) and e["kind"] == "reported"]
    assert len(weather) == 50 and all(e["corroboration"] == 1 for e in weather)


def test_copies_that_resolve_a_relative_date_differently_are_flagged(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project", with_reports=True)
    reports = project / "content" / "reports"
    front, body = _front_and_body(reports / "zdnet-2025-11-offshore-ai-training.md")
    # carried three days later, in the next month: its "이달 초" is December's
    later = _with(front, slug="portal-zdnet-copy", outlet="포털뉴스", published="2025-12-01")
    (reports / "portal-zdnet-copy.md").write_text(f"---\n{later}---\n{body}", encoding="utf-8")
    build(project, search=False)
    trump = next(e for e in events(project) if e["id"] == "zdnet-2025-11-offshore-ai-training#p-12.1")
    assert trump["aliases"] == ["portal-zdnet-copy#p-12.1"] and trump["corroboration"] == 2
    assert trump["date"] == "2025-11" and trump["other_dates"] == ["2025-12"]
    assert all(not e["other_dates"] for e in events(project) if e["id"] != trump["id"])
