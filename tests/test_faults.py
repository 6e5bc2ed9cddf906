"""Fault injection, through the commands a person types: a command killed at each named
moment of its run (``MICROSITE_PAUSE_AT``, see microsite/checkpoints.py), two commands at
once, and hostile input put in and taken out again. After each, the next command succeeds,
and ``site/``, ``content/`` and the normalize record equal, byte for byte, what a clean run
in another clone produces."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from commands import LAST_SENTENCE, PYTHON, REPORT, REPORT_URL, Preview, built_clone, clone, no_traceback, paused, run, tree

pytestmark = pytest.mark.slow

BUILD_PHASES = ("rendering", "indexing", "swap", "record")
NEW_SEED = ("seeds/900_new.txt", "시험 보도 제목이다\n홍길동 기자\n입력 2024.05.02 10:00\n"
            "미국 정부가 클라우드 규제를 확대한다고 2일 밝혔다.\n규제 대상에는 해외 데이터센터 임대가 포함된다.\n")


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """A clone, built once with the plain command."""
    return built_clone(tmp_path_factory.mktemp("faults") / "project")


def clean_run(project: Path, where: Path, *args: str) -> Path:
    """A fresh clone in *where* holding *project*'s seeds and content, after ``build.py *args``."""
    clean = clone(where)
    for name in ("content", "seeds"):
        shutil.rmtree(clean / name)
        shutil.copytree(project / name, clean / name, symlinks=True)
    result = run(clean, *args)
    assert result.returncode == 0, result.stderr
    return clean


def kill(process: subprocess.Popen) -> None:
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()


def test_a_build_killed_at_any_moment_leaves_a_whole_site_and_the_next_build_equals_a_clean_one(built: Path,
                                                                                                tmp_path: Path) -> None:
    page = built / REPORT
    original = page.read_text(encoding="utf-8")
    for number, phase in enumerate(BUILD_PHASES, start=1):
        before = tree(built / "site")
        page.write_text(original.replace(LAST_SENTENCE, f"{LAST_SENTENCE} 중단 {number}."), encoding="utf-8")
        kill(paused(built, phase))
        after = tree(built / "site")
        if phase == "record":  # killed after the swap: the new site is whole
            assert after != before and f"중단 {number}." in (built / "site" / REPORT_URL / "index.html").read_text(encoding="utf-8")
        else:
            assert after == before, f"site/ changed when the build was killed at {phase}"
        rebuilt = run(built)
        assert rebuilt.returncode == 0 and rebuilt.stdout.startswith("built "), rebuilt.stdout + rebuilt.stderr
    clean = clean_run(built, tmp_path / "clean")
    assert tree(built / "site") == tree(clean / "site")
    page.write_text(original, encoding="utf-8")
    assert run(built).returncode == 0


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "term"])
def test_a_build_stopped_by_a_signal_says_so_and_leaves_nothing_behind(built: Path, stop: signal.Signals) -> None:
    page = built / REPORT
    original = page.read_text(encoding="utf-8")
    page.write_text(original.replace(LAST_SENTENCE, f"{LAST_SENTENCE} 신호 {stop.name}."), encoding="utf-8")
    try:
        for phase in ("rendering", "swap"):
            before = tree(built / "site")
            process = paused(built, phase)
            process.send_signal(stop)
            out, err = process.communicate(timeout=120)
            assert process.returncode == 128 + stop and err.endswith("interrupted; site/ holds the last complete build\n"), err
            no_traceback(err)
            assert tree(built / "site") == before
            assert not list(built.glob(".site-*")) and not list(built.glob(".search-source-*"))
    finally:
        page.write_text(original, encoding="utf-8")


def test_a_build_killed_while_it_normalizes_a_new_seed_makes_the_page_next_time(tmp_path: Path) -> None:
    project = clone(tmp_path / "project")
    (project / NEW_SEED[0]).write_text(NEW_SEED[1], encoding="utf-8")
    kill(paused(project, "normalizing", "--no-search"))
    again = run(project, "--no-search")
    assert again.returncode == 0 and "edited by hand" not in again.stderr, again.stdout + again.stderr
    clean = clean_run(project, tmp_path / "clean", "--no-search")  # its content/ already has the page: made again
    assert tree(project / "content") == tree(clean / "content")
    assert tree(project / "site") == tree(clean / "site")


def test_normalize_killed_while_writing_pages_leaves_none_counted_as_hand_edited(tmp_path: Path) -> None:
    project = clone(tmp_path / "project")
    pages = {page: page.read_bytes() for page in (project / "content" / "reports").glob("*.md")}
    for seed in (project / "seeds").glob("*.txt"):  # every page must follow its seed
        seed.write_bytes(seed.read_bytes() + "\n덧붙은 문장이다.\n".encode("utf-8"))
    kill(paused(project, "normalizing", "normalize"))
    written = [page.name for page, before in pages.items() if page.read_bytes() != before]
    assert 0 < len(written) < 5  # killed half-way
    again = run(project, "normalize")
    assert again.returncode == 0 and again.stdout.strip() == (
        f"normalized {5 - len(written)} page(s), {len(written)} unchanged, 0 edited by hand and kept, "
        "0 removed with their seeds, 0 conflict(s)"), again.stdout + again.stderr
    clean = clone(tmp_path / "clean")
    shutil.rmtree(clean / "seeds")
    shutil.copytree(project / "seeds", clean / "seeds")
    assert run(clean, "normalize").returncode == 0
    assert tree(project / "content") == tree(clean / "content")  # the pages and .normalized.json


# --------------------------------------------------------------------------- two commands at once

def started(project: Path, *args: str) -> subprocess.Popen:
    return subprocess.Popen([PYTHON, "build.py", *args], cwd=project, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)


@pytest.mark.parametrize("first, second", [("build", "build"), ("normalize", "normalize"), ("build", "normalize"),
                                           ("normalize", "build")])
def test_a_second_command_waits_for_the_first_and_clears_what_a_killed_one_left(tmp_path: Path, first: str,
                                                                               second: str) -> None:
    project = clone(tmp_path / "project")
    for seed in (project / "seeds").glob("*.txt"):  # work for normalize
        seed.write_bytes(seed.read_bytes() + "\n덧붙은 문장이다.\n".encode("utf-8"))
    holder = paused(project, "rendering" if first == "build" else "normalizing", first, *(["--no-search"] * (first == "build")))
    waiting = started(project, second, *(["--no-search"] * (second == "build")))
    said = waiting.stderr.readline()
    assert said.startswith(f"waiting for another command on this project (build.py {first}, process "), said
    assert waiting.poll() is None  # it waits: the two never interleave
    kill(holder)
    out, err = waiting.communicate(timeout=600)
    assert waiting.returncode == 0, out + err
    no_traceback(err)
    assert not [p.name for p in project.glob(".site-*")] + [p.name for p in project.glob(".search-source-*")]
    assert not list((project / "content" / "reports").glob(".*.tmp"))
    finish = run(project, "--no-search")  # whatever the second did, the next build completes the work
    assert finish.returncode == 0 and "edited by hand" not in finish.stderr, finish.stderr
    clean = clean_run(project, tmp_path / "clean", "--no-search")
    assert tree(project / "content") == tree(clean / "content")
    assert tree(project / "site") == tree(clean / "site")


def test_a_build_while_the_preview_runs_is_refused_with_a_word(tmp_path: Path) -> None:
    project = clone(tmp_path / "project")
    preview = Preview(project)
    try:
        result = run(project, "--no-search")
        assert result.returncode == 1 and "the live preview (build.py serve, process" in result.stderr
        no_traceback(result.stderr)
    finally:
        assert preview.stop() == 0
    assert run(project, "--no-search").returncode == 0  # once it has stopped


# --------------------------------------------------------------------------- hostile input, put in and taken out

def _link(target: str) -> Callable[[Path], object]:
    return lambda path: path.symlink_to(target)


def _folder(path: Path) -> None:
    path.mkdir()


def _front(old: str, new: str) -> Callable[[Path], object]:
    return lambda path: path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")


# (file, what is done to it, whether the build may go on with it). Each is undone afterwards.
HOSTILE: dict[str, tuple[str, bytes | Callable[[Path], object], bool]] = {
    "entity not UTF-8": ("content/entities/bad.md", b"---\nid: bad\n---\n\xff\xfe\xc0\n", False),
    "curation not UTF-8": ("content/chronology.toml", b"\xff\xfe\n", False),
    "curation events = 5": ("content/chronology.toml", b"events = 5\n", False),
    "manifest not UTF-8": ("seeds/sources.toml", b"\xff\xfe\n", False),
    "template not UTF-8": ("templates/page.html", b"\xff\xfe{{ x }}\n", False),
    "report that is a folder": ("content/reports/folder.md", _folder, False),
    "report linked to nothing": ("content/reports/gone.md", _link("nowhere.md"), False),
    "asset linked to nothing": ("assets/gone.css", _link("nowhere.css"), False),
    "seed linked outside": ("seeds/900_outside.txt", _link("/etc/hostname"), False),
    "language of 40 letters": (REPORT, _front("language: ko", "language: " + "k" * 40), False),
    "duplicate key": (REPORT, _front("language: ko", "language: ko\nlanguage: en"), False),
    "control character in a title": (REPORT, _front("title: ", "title: \x1b[31m"), False),
    "title of 3,000 characters": (REPORT, _front("title: ", "title: " + "가나다라마 " * 500), True),
    "seed named with URL characters": ("seeds/900_a#b?c%d.txt", NEW_SEED[1].encode(), True),
    "seed with markup": ("seeds/900_markup.txt", (NEW_SEED[1] + "<script>alert(1)</script>\n").encode(), True),
}


@pytest.fixture(scope="module")
def plain(tmp_path_factory) -> tuple[Path, dict, dict]:
    """A clone built without search, with its site/ and content/ as they are."""
    project = built_clone(tmp_path_factory.mktemp("hostile") / "project", "--no-search")
    return project, tree(project / "site"), tree(project / "content")


@pytest.mark.parametrize("case", HOSTILE)
def test_hostile_input_taken_out_again_leaves_the_site_a_clean_build_makes(plain, case: str) -> None:
    project, site, content = plain
    rel, change, goes_on = HOSTILE[case]
    path = project / rel
    kept = path.read_bytes() if path.is_file() else None
    if isinstance(change, bytes):  # added, or appended to the file
        path.write_bytes((kept + b"\n" if kept else b"") + change)
    else:
        change(path)
    try:
        result = run(project, "--no-search")
        no_traceback(result.stderr)
        assert result.returncode == (0 if goes_on else 1), result.stdout + result.stderr
        if not goes_on:
            assert tree(project / "site") == site, "a refused build changed site/"
            assert result.stderr.startswith(rel.split("/")[0]), result.stderr  # path:line: message
    finally:
        if path.is_dir() and not path.is_symlink():
            path.rmdir()
        else:
            path.unlink(missing_ok=True)
        if kept is not None:
            path.write_bytes(kept)
    again = run(project, "--no-search")
    assert again.returncode == 0, again.stderr
    no_traceback(again.stderr)
    assert tree(project / "site") == site
    assert tree(project / "content") == content
