"""Normalization never overwrites a human edit, and says what to do when a seed changes."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from microsite.errors import Diagnostics, UserError
from microsite.ingest import ingest
from microsite.ingest.audit import replayed
from microsite.ingest.decode import decode_seed
from microsite.ingest.normalize import capture_units, extract
from microsite.ingest.pages import recorded_audits

PAGE = "content/reports/hani-2024-07-ms-google-cloud-china.md"
SEED = "seeds/000_917d64508556bdff.txt"


def normalize(project: Path, missing_only: bool = False):
    diagnostics = Diagnostics()
    result = ingest(project, project / "seeds", project / "content", diagnostics, missing_only=missing_only)
    return result, diagnostics


def test_first_run_writes_every_page_and_a_second_run_changes_nothing(project: Path) -> None:
    result, _ = normalize(project)
    assert len(result.written) == 5
    before = {p: p.read_bytes() for p in (project / "content" / "reports").glob("*.md")}
    again, _ = normalize(project)
    assert again.written == [] and len(again.unchanged) == 5
    assert before == {p: p.read_bytes() for p in (project / "content" / "reports").glob("*.md")}


def test_an_edited_page_is_never_overwritten(project: Path) -> None:
    normalize(project)
    page = project / PAGE
    edited = page.read_text(encoding="utf-8").replace("미 정부의 대중국 수출 규제 ‘우회’ 논란", "고친 제목")
    page.write_text(edited, encoding="utf-8")
    result, diagnostics = normalize(project)
    assert PAGE in result.kept_edited
    assert page.read_text(encoding="utf-8") == edited


def test_a_changed_seed_after_an_edit_leaves_both_untouched_and_says_what_to_do(project: Path) -> None:
    normalize(project)
    page, seed = project / PAGE, project / SEED
    edited = page.read_text(encoding="utf-8") + "\n직접 덧붙인 문단이다.\n"
    page.write_text(edited, encoding="utf-8")
    changed_seed = seed.read_bytes() + "\n새로 붙은 문장이다.\n".encode("utf-8")
    seed.write_bytes(changed_seed)
    result, diagnostics = normalize(project)
    assert result.conflicts == [PAGE]
    assert page.read_text(encoding="utf-8") == edited and seed.read_bytes() == changed_seed
    message = "\n".join(diagnostics.warnings)
    assert PAGE in message and SEED in message and "delete the page to regenerate" in message


def test_an_untouched_page_follows_its_changed_seed(project: Path) -> None:
    normalize(project)
    seed = project / SEED
    seed.write_bytes(seed.read_bytes().replace("공급이 부족한 상황이다.".encode(), "공급이 매우 부족한 상황이다.".encode()))
    result, _ = normalize(project)
    assert result.written == [PAGE]
    assert "공급이 매우 부족한 상황이다." in (project / PAGE).read_text(encoding="utf-8")


def test_a_deleted_page_is_regenerated_and_the_build_only_fills_gaps(project: Path) -> None:
    normalize(project)
    (project / PAGE).unlink()
    other = project / "content/reports/dt-2024-08-overseas-cloud-h100.md"
    other.write_text(other.read_text(encoding="utf-8").replace("김영욱", "김영욱(수정)"), encoding="utf-8")
    result, _ = normalize(project, missing_only=True)
    assert result.written == [PAGE]
    assert "김영욱(수정)" in other.read_text(encoding="utf-8")


def test_a_renamed_page_still_counts_as_the_seeds_page(project: Path) -> None:
    normalize(project)
    (project / PAGE).rename(project / "content/reports/renamed.md")
    result, _ = normalize(project, missing_only=True)
    assert result.written == []
    assert not (project / PAGE).exists()


def test_without_the_lock_file_every_existing_page_counts_as_edited(project: Path) -> None:
    normalize(project)
    (project / "content/reports/.normalized.json").unlink()
    page = project / PAGE
    before = page.read_bytes()
    result, _ = normalize(project)
    assert result.written == [] and len(result.kept_edited) == 5
    assert page.read_bytes() == before


def test_a_yaml_typo_in_a_seeds_page_is_reported_at_its_line_not_as_a_taken_slug(project: Path) -> None:
    normalize(project)
    page = project / PAGE
    lines = page.read_text(encoding="utf-8").splitlines()
    number = next(n for n, line in enumerate(lines, start=1) if line.startswith("outlet:"))
    lines[number - 1] = "outlet: 한겨레: 둘째"
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(UserError) as raised:
        normalize(project, missing_only=True)
    assert raised.value.show(project).startswith(f"{PAGE}:{number}: invalid front matter")


def test_copies_of_one_capture_make_one_report_and_are_named(project: Path) -> None:
    seed = project / SEED
    for name in ("copy-a.txt", "copy-b.txt"):
        (project / "seeds" / name).write_bytes(seed.read_bytes())
    result, diagnostics = normalize(project)
    assert len(result.written) == 5
    copies = [w for w in diagnostics.warnings if "the same bytes as" in w]
    assert [w.split(":")[0] for w in copies] == ["seeds/copy-a.txt", "seeds/copy-b.txt"]
    assert all(SEED in w and "delete one of the two" in w for w in copies)


def test_the_build_follows_a_changed_seed_and_gives_the_real_advice_for_an_edited_page(project: Path) -> None:
    normalize(project)
    other_page, other_seed = project / "content/reports/dt-2024-08-overseas-cloud-h100.md", project / "seeds/002_cfd0560a8afc951a.txt"
    other_seed.write_bytes(other_seed.read_bytes().replace("지난 6월".encode(), "올해 6월".encode()))
    page, seed = project / PAGE, project / SEED
    edited = page.read_text(encoding="utf-8") + "\n직접 덧붙인 문단이다.\n"
    page.write_text(edited, encoding="utf-8")
    seed.write_bytes(seed.read_bytes() + "\n새로 붙은 문장이다.\n".encode("utf-8"))
    result, diagnostics = normalize(project, missing_only=True)
    assert result.written == ["content/reports/dt-2024-08-overseas-cloud-h100.md"]  # untouched: it follows its seed
    assert "올해 6월" in other_page.read_text(encoding="utf-8")
    assert result.conflicts == [PAGE] and page.read_text(encoding="utf-8") == edited
    advice = "\n".join(diagnostics.warnings)
    assert f"set source_sha256 to {hashlib.sha256(seed.read_bytes()).hexdigest()}" in advice
    assert "run 'python build.py normalize'" not in advice


def test_a_manifest_correction_reaches_untouched_pages_and_is_named_for_edited_ones(project: Path) -> None:
    normalize(project)
    page = project / PAGE
    page.write_text(page.read_text(encoding="utf-8") + "\n직접 덧붙인 문단이다.\n", encoding="utf-8")
    manifest = project / "seeds" / "sources.toml"
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(text.replace('outlet = "뉴스드림"', 'outlet = "뉴스드림(수정)"')
                        .replace('outlet = "한겨레"', 'outlet = "한겨레(수정)"'), encoding="utf-8")
    result, diagnostics = normalize(project, missing_only=True)
    assert result.written == ["content/reports/newsdream-2024-08-aws-tenders.md"]
    assert "outlet: 뉴스드림(수정)" in (project / result.written[0]).read_text(encoding="utf-8")
    assert any(w.startswith(f"{PAGE}: warning: edited by hand, so the change to sources.toml") for w in diagnostics.warnings)
    again, diagnostics = normalize(project, missing_only=True)
    assert again.written == [] and diagnostics.warnings == []  # said once


def test_the_source_page_shows_the_shipped_bytes_hash_and_says_when_they_changed(project: Path) -> None:
    from bs4 import BeautifulSoup
    from conftest import build
    normalize(project)
    page, seed = project / PAGE, project / SEED
    page.write_text(page.read_text(encoding="utf-8") + "\n직접 덧붙인 문단이다.\n", encoding="utf-8")
    seed.write_bytes(seed.read_bytes() + "\n새로 붙은 문장이다.\n".encode("utf-8"))
    build(project, search=False)
    source = BeautifulSoup((project / "site/sources/hani-2024-07-ms-google-cloud-china/index.html").read_text(encoding="utf-8"),
                           "html.parser")
    assert source.select_one("code.hash-full").get_text() == hashlib.sha256(seed.read_bytes()).hexdigest()
    assert "페이지가 만들어진 뒤 바뀌었습니다" in source.select_one(".notice").get_text()


def test_a_deleted_seed_takes_its_untouched_page_along_and_names_an_edited_one(project: Path) -> None:
    normalize(project)
    edited = project / "content/reports/dt-2024-08-overseas-cloud-h100.md"
    edited.write_text(edited.read_text(encoding="utf-8") + "\n직접 덧붙인 문단이다.\n", encoding="utf-8")
    (project / SEED).unlink()
    (project / "seeds/002_cfd0560a8afc951a.txt").unlink()
    result, diagnostics = normalize(project, missing_only=True)
    assert result.removed == [PAGE] and not (project / PAGE).exists()
    assert edited.is_file()
    assert any(w.startswith("content/reports/dt-2024-08-overseas-cloud-h100.md: warning: its seed "
                            "seeds/002_cfd0560a8afc951a.txt is gone") for w in diagnostics.warnings)


def _record(project: Path) -> dict:
    return json.loads((project / "content/reports/.normalized.json").read_text(encoding="utf-8"))


def test_the_record_keeps_what_became_of_each_line_of_each_seed(project: Path) -> None:
    normalize(project)
    record = _record(project)
    for seed in sorted((project / "seeds").glob("*.txt")):
        data = seed.read_bytes()
        kept = record[f"seeds/{seed.name}"]["audit"]
        assert kept["sha256"] == hashlib.sha256(data).hexdigest()
        assert replayed(kept["lines"], capture_units(decode_seed(data).text)) == extract(decode_seed(data).text).fates
    # one token a line, runs counted: the hani capture opens with an interface line, a blank, the headline
    assert record[SEED]["audit"]["lines"].startswith("interface blank title caption blank paragraph")
    assert record[SEED]["audit"]["lines"].endswith("masthead blank after-article*21")
    assert "title+stamp" in record["seeds/004_c0ad24a0d186beb7.txt"]["audit"]["lines"]  # a stamp glued to the headline


def test_a_record_from_before_audits_were_kept_gains_them_and_no_page_changes(project: Path) -> None:
    normalize(project)
    page = project / PAGE
    older = page.read_text(encoding="utf-8").replace("\n\n", "\n\n<!-- as an older normalizer wrote it -->\n\n", 1)
    page.write_text(older, encoding="utf-8")  # an untouched page that today's normalizer would write otherwise
    lock = _record(project)
    lock[SEED]["page_sha256"] = hashlib.sha256(older.encode("utf-8")).hexdigest()
    for entry in lock.values():
        del entry["audit"]
    (project / "content/reports/.normalized.json").write_text(json.dumps(lock), encoding="utf-8")
    result, _ = normalize(project, missing_only=True)
    assert result.written == [] and page.read_text(encoding="utf-8") == older
    assert all(entry["audit"]["lines"] for entry in _record(project).values()) and len(_record(project)) == 5


def _capture(number: int) -> str:
    return (f"항만 물동량 {number}번째 보고\n홍길동 기자\n입력 2024.05.{number % 28 + 1:02d} 10:00\n\n"
            f"부산항의 물동량이 {number}주 연속 줄었다고 해양수산부가 밝혔다. 업계는 하반기 회복을 기대한다.\n")


def test_many_seeds_are_normalized_on_every_core_and_the_first_mistake_in_their_order_is_reported(project: Path) -> None:
    for number in range(40):
        (project / "seeds" / f"5{number:02d}_port.txt").write_text(_capture(number), encoding="utf-8")
    (project / "seeds" / "520_port.txt").write_text("\n\n", encoding="utf-8")  # nothing to read
    (project / "seeds" / "531_port.txt").write_text("홈\n", encoding="utf-8")  # nothing but a menu word
    with pytest.raises(UserError) as raised:
        normalize(project)
    assert raised.value.path == "seeds/520_port.txt" and "no article text" in raised.value.message
    assert not list((project / "content" / "reports").glob("*.md"))  # a mistake stops before anything is written
    for name in ("520_port.txt", "531_port.txt"):
        (project / "seeds" / name).write_text(_capture(int(name[1:3])), encoding="utf-8")
    result, _ = normalize(project)
    assert len(result.written) == 45
    titles = sorted(line for page in (project / "content" / "reports").glob("*.md")
                    for line in page.read_text(encoding="utf-8").splitlines() if line.startswith("title: 항만"))
    assert titles == sorted(f"title: 항만 물동량 {number}번째 보고" for number in range(40))
    assert all(entry["audit"]["lines"].startswith("title byline stamp blank paragraph") for seed, entry in
               _record(project).items() if seed.endswith("_port.txt"))


def test_an_audit_the_record_holds_in_another_shape_is_made_again(project: Path) -> None:
    """A record edited or damaged by hand: a build neither stops on it nor shows it."""
    normalize(project)
    lock = _record(project)
    other = "seeds/001_a46f637c51e4cce2.txt"
    kept = {seed: entry["audit"]["lines"] for seed, entry in lock.items()}
    lock[SEED]["audit"] = "interface blank title"
    lock[other]["audit"]["lines"] = 12
    (project / "content/reports/.normalized.json").write_text(json.dumps(lock), encoding="utf-8")
    assert not {seed for seed, _ in recorded_audits(project / "content")} & {SEED, other}
    normalize(project, missing_only=True)
    assert {seed: entry["audit"]["lines"] for seed, entry in _record(project).items()} == kept
