"""Normalization never overwrites a human edit, and says what to do when a seed changes."""
from __future__ import annotations

from pathlib import Path

from microsite.errors import Diagnostics
from microsite.ingest import ingest

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
