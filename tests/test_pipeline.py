"""One pipeline: a build after edits writes only what changed, and what it leaves in
``site/`` is byte for byte what a clean build of the same input makes — from the command
line and from the live preview alike. A page whose key missed something it is made from
would show here as a stale file."""
from __future__ import annotations

import hashlib
import io
import shutil
from pathlib import Path

import pytest
from conftest import ROOT, copy_project

from microsite.content import load_config
from microsite.errors import Diagnostics
from microsite.pipeline import build
from microsite.pipeline.record import read_record
from microsite.pipeline.sync import Pipeline
from microsite.serve import SiteUpdater

REPORT = "content/reports/dt-2024-08-overseas-cloud-h100.md"


def tree(folder: Path) -> dict[str, str]:
    return {path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(folder.rglob("*")) if path.is_file()}


def clean_build(project: Path, tmp_path: Path, search: bool) -> dict[str, str]:
    """The same input built from nothing, in a folder of its own."""
    clean = tmp_path / "clean"
    shutil.rmtree(clean, ignore_errors=True)
    shutil.copytree(project, clean, ignore=shutil.ignore_patterns("site", ".cache", ".site-*"))
    build(load_config(clean), Diagnostics(stream=io.StringIO()), search=search)
    return tree(clean / "site")


def replace(project: Path, name: str, old: str, new: str) -> None:
    path = project / name
    text = path.read_text(encoding="utf-8")
    assert old in text, (name, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


EDITS = {
    "body sentence": lambda p: replace(p, REPORT, "사들이고 있다.", "사들이고 있다고 전했다."),
    # a sentence that names no outlet but continues the FT's report: only the FT's page (and the report's) change
    "carried credit": lambda p: replace(p, REPORT, "집중하고 있다고 전했다.", "집중하고 있다고 전했다. 이어 투자가 더 늘 것이라고 전망했다."),
    "first sentence": lambda p: replace(p, REPORT, "\n---\n\n", "\n---\n\n미국 상무부가 새로 나오는 첫 문장이다. "),
    "title": lambda p: replace(p, REPORT, "title: 美반도체", "title: 美 반도체"),
    "new report": lambda p: (p / "content/reports/zz-copy.md").write_text(
        (p / REPORT).read_text(encoding="utf-8").replace("slug: dt-2024-08-overseas-cloud-h100", "slug: zz-copy")
        .replace("published: '2024-08-26'", "published: '2025-12-01'"), encoding="utf-8"),
    "deleted report": lambda p: ((p / "content/reports/zz-copy.md").unlink()),
    "alias": lambda p: replace(p, "content/entities/nvidia.md", "aliases: [엔비디아,", "aliases: [엔비디아사, 엔비디아,"),
    "curation": lambda p: replace(p, "content/chronology.toml", "미국 — 첨단 반도체 대중국 수출 통제 시행", "미국 — 반도체 수출 통제 시행"),
    "template": lambda p: replace(p, "templates/report.html", "{% block main %}", "{% block main %}<!-- 편집 -->"),
    "asset": lambda p: (p / "assets/style.css").write_text((p / "assets/style.css").read_text() + "\n/* x */\n"),
    "page": lambda p: replace(p, "content/pages/about.md", "\n---\n\n", "\n---\n\n새 문단이다.\n\n"),
}


def test_a_build_after_each_edit_equals_a_clean_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project", with_reports=True)
    build(load_config(project), Diagnostics(stream=io.StringIO()), search=False)
    for name, edit in EDITS.items():
        edit(project)
        build(load_config(project), Diagnostics(stream=io.StringIO()), search=False)
        assert tree(project / "site") == clean_build(project, tmp_path, search=False), f"after the {name!r} edit"


def test_the_search_bundle_follows_the_pages_and_is_kept_when_they_are_unchanged(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project", with_reports=True)
    build(load_config(project), Diagnostics(stream=io.StringIO()))
    bundle = tree(project / "site" / "pagefind")
    EDITS["asset"](project)
    build(load_config(project), Diagnostics(stream=io.StringIO()))
    assert tree(project / "site" / "pagefind") == bundle  # no page changed: the bundle was kept
    EDITS["body sentence"](project)
    build(load_config(project), Diagnostics(stream=io.StringIO()))
    assert tree(project / "site" / "pagefind") != bundle
    assert tree(project / "site") == clean_build(project, tmp_path, search=True)


@pytest.mark.parametrize("edits", [["body sentence", "alias", "new report"], ["title", "curation", "template", "page"]],
                         ids=["content", "more"])
def test_the_preview_leaves_what_the_command_line_would_build(tmp_path: Path, edits: list[str]) -> None:
    project = copy_project(tmp_path / "project", with_reports=True)
    updater = SiteUpdater(project.resolve(), None, search=False)
    updater.full()
    for name in edits:
        EDITS[name](project)
        updater.update({(project / "content" / "reports" / "x.md").resolve()})
    assert tree(project / "site") == clean_build(project, tmp_path, search=False)
    recorded = read_record(load_config(project))["keys"]  # the preview's record of site/ is right
    assert recorded == Pipeline(load_config(project), search=False).prepare().keys


def test_a_small_edit_writes_a_few_files(tmp_path: Path) -> None:
    """The second build after an edit works on the site before last (the spare), so it
    writes what changed in two builds; with both small, a handful of files."""
    project = copy_project(tmp_path / "project", with_reports=True)
    for sentence in ("첫 덧붙임이다.", "둘째 덧붙임이다.", "셋째 덧붙임이다."):
        (project / REPORT).write_text((project / REPORT).read_text(encoding="utf-8") + f"\n{sentence}\n", encoding="utf-8")
        summary = build(load_config(project), Diagnostics(stream=io.StringIO()), search=False)
    assert 0 < summary.written <= 12 < summary.pages, summary


def test_the_seeds_and_templates_here_are_the_ones_tested() -> None:
    assert (ROOT / REPORT).is_file() and "사들이고 있다." in (ROOT / REPORT).read_text(encoding="utf-8")


def test_a_page_kind_and_an_authors_page_at_one_address_is_an_error_at_the_page(tmp_path: Path, monkeypatch) -> None:
    """A page kind added later may claim an address an author's page already has: the
    author hears of it at the page's slug, not as a silently overwritten file."""
    from microsite import output
    from microsite.errors import UserError
    from microsite.output.pages import PageKind, plan
    project = copy_project(tmp_path / "project", with_reports=True)
    claim = PageKind("claim", "page.html", lambda kind, site: [plan(kind, site, "about/", (), ())], lambda site: {})
    monkeypatch.setattr(output, "KINDS", (*output.KINDS, claim))
    with pytest.raises(UserError) as raised:
        build(load_config(project), Diagnostics(stream=io.StringIO()), search=False)
    assert raised.value.path == "content/pages/about.md" and "taken by a section of the site" in raised.value.message
