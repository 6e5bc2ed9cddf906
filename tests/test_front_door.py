"""Every command as a person types it: the README's commands, run as subprocesses in a
throwaway copy of the project, checked by what a person sees (output, exit status, files,
and for ``serve`` a real Chromium over many edits). A copy holds what a fresh clone holds
(the files git knows), with links to this checkout's ``.venv`` and ``node_modules``
standing for the README's set-up, which one test runs for real."""
from __future__ import annotations

import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pytest
from commands import LAST_SENTENCE, PYTHON, REPORT, REPORT_URL, Preview, built_clone, clone, no_traceback, run, shell, tree
from conftest import ROOT
from playwright.sync_api import expect


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """A clone, built once with the plain command."""
    return built_clone(tmp_path_factory.mktemp("front-door") / "project")


# --------------------------------------------------------------------------- set-up and build

def readme_block(heading: str) -> str:
    """The shell command under a README heading, as a reader copies it."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split(f"## {heading}", 1)[1]
    return re.search(r"```sh\n(.*?)\n```", section, re.S).group(1).strip()


@pytest.mark.slow
def test_the_readmes_set_up_and_build_command_works_on_a_fresh_clone(tmp_path: Path) -> None:
    project = clone(tmp_path / "project", venv=False)
    command = readme_block("Build the site (fresh machine)")
    assert command.startswith("python3 -m venv .venv") and command.endswith(f"{PYTHON} build.py")
    first = shell(project, command)
    assert first.returncode == 0, first.stdout[-2000:] + first.stderr[-2000:]
    no_traceback(first.stdout, first.stderr)
    assert re.search(r"^built \d+ pages \(5 reports, 62 entities .* \d+ indexed for search\) in [\d.]+ s → site$",
                     first.stdout, re.M), first.stdout
    assert (project / "site" / "index.html").is_file() and (project / "site" / "pagefind" / "pagefind.js").is_file()
    again = shell(project, f"{PYTHON} build.py")
    assert again.returncode == 0 and again.stdout.startswith("nothing changed since the last build: site is up to date")


def test_build_answers_an_unchanged_project_at_once_and_rebuilds_after_an_edit(built: Path) -> None:
    unchanged = run(built)
    assert unchanged.returncode == 0 and unchanged.stdout.startswith("nothing changed since the last build")
    page = built / REPORT
    original = page.read_text(encoding="utf-8")
    page.write_text(original.replace(LAST_SENTENCE, "사들이고 있다고 덧붙였다."), encoding="utf-8")
    try:
        edited = run(built, "--no-search")
        assert edited.returncode == 0 and edited.stdout.startswith("built "), edited.stdout + edited.stderr
        assert "사들이고 있다고 덧붙였다." in (built / "site" / REPORT_URL / "index.html").read_text(encoding="utf-8")
        no_traceback(edited.stderr)
    finally:
        page.write_text(original, encoding="utf-8")
        assert run(built).returncode == 0


def test_without_the_projects_packages_build_py_hands_over_to_the_venv_or_says_how_to_set_up(tmp_path: Path) -> None:
    bare = [sys._base_executable, "-S"]  # the interpreter the venv was made from, without site-packages
    with_venv = clone(tmp_path / "with-venv")
    result = subprocess.run([*bare, "build.py", "--no-search"], cwd=with_venv, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0 and result.stdout.startswith("built "), result.stderr
    without = clone(tmp_path / "without", venv=False)
    result = subprocess.run([*bare, "build.py"], cwd=without, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    no_traceback(result.stderr)
    assert "lacks the project's packages" in result.stderr and "python3 -m venv .venv" in result.stderr
    assert not (without / "site").exists()


def test_a_build_whose_reader_left_still_records_what_it_built(built: Path) -> None:
    """``build.py | true``: the reader of its output is gone before the build prints. The
    build finishes and records the site it made, so that restoring the input rebuilds."""
    page = built / REPORT
    original = page.read_text(encoding="utf-8")
    page.write_text(original.replace(LAST_SENTENCE, "사들이고 있다고 전했다."), encoding="utf-8")
    piped = shell(built, f"{PYTHON} build.py 2>&1 | true; echo ${{PIPESTATUS[0]}}")
    assert piped.stdout.strip() == "0", piped.stdout + piped.stderr
    assert "사들이고 있다고 전했다." in (built / "site" / REPORT_URL / "index.html").read_text(encoding="utf-8")
    page.write_text(original, encoding="utf-8")
    restored = run(built)
    assert restored.returncode == 0 and restored.stdout.startswith("built "), restored.stdout
    assert "사들이고 있다고 전했다." not in (built / "site" / REPORT_URL / "index.html").read_text(encoding="utf-8")


def test_a_yaml_typo_is_reported_at_its_line_with_no_traceback(built: Path) -> None:
    page = built / REPORT
    original = page.read_text(encoding="utf-8")
    number = next(n for n, line in enumerate(original.splitlines(), start=1) if line.startswith("outlet:"))
    page.write_text(original.replace("outlet: 디지털타임스", "outlet: 디지털타임스: 둘째"), encoding="utf-8")
    before = tree(built / "site")
    try:
        result = run(built, "--no-search")
        assert result.returncode == 1
        no_traceback(result.stderr)
        assert result.stderr.strip().splitlines()[-1].startswith(f"{REPORT}:{number}: invalid front matter")
        assert tree(built / "site") == before
    finally:
        page.write_text(original, encoding="utf-8")


# --------------------------------------------------------------------------- the other commands

def test_each_command_has_its_own_help_and_refuses_flags_it_does_not_take(built: Path) -> None:
    helps = {}
    for command in ("build", "normalize", "check", "entities", "serve"):
        result = run(built, command, "--help")
        assert result.returncode == 0 and result.stdout.startswith(f"usage: build.py {command}"), result.stdout
        helps[command] = result.stdout
    assert "--port" in helps["serve"] and "--port" not in helps["build"]
    assert "--suggest" in helps["entities"] and "--suggest" not in helps["check"]
    assert "--no-html" in helps["check"] and "--no-html" not in helps["serve"]
    overall = run(built, "--help")
    assert all(command in overall.stdout for command in helps)
    wrong = run(built, "check", "--suggest")
    assert wrong.returncode == 2 and "unrecognized arguments: --suggest" in wrong.stderr
    no_traceback(wrong.stderr)


def test_normalize_keeps_a_hand_edit_and_says_so(built: Path) -> None:
    page = built / REPORT
    original = page.read_text(encoding="utf-8")
    page.write_text(original + "\n직접 덧붙인 문단이다.\n", encoding="utf-8")
    try:
        result = run(built, "normalize")
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip() == ("normalized 0 page(s), 4 unchanged, 1 edited by hand and kept, "
                                         "0 removed with their seeds, 0 conflict(s)")
        assert page.read_text(encoding="utf-8").endswith("직접 덧붙인 문단이다.\n")
    finally:
        page.write_text(original, encoding="utf-8")


def test_captures_never_seen_build_as_a_user_drops_them_in(tmp_path: Path) -> None:
    """A full-page HTML save, an English text save and a capture whose headline is a guess,
    dropped into seeds/ and built with the plain command: each is a page, its facts in the
    front matter, and the guess is said in the output and the page's provenance."""
    project = clone(tmp_path / "project")
    for name in ("en-nyt-html.html", "en-bbc-text.txt", "ko-gov-press-release.txt"):
        (project / "seeds" / name).write_bytes((ROOT / "tests" / "captures" / name).read_bytes())
    menu = " · ".join(["정치 일반", "경제 일반", "사회 일반", "국제 일반", "문화 일반"] * 6)
    (project / "seeds" / "guessed.txt").write_text(
        f"{menu}\n\n항만 물동량 석 달째 줄어\n\n부산항 컨테이너 물동량이 석 달 연속 줄었다. 해운업계는 운임 하락을 걱정한다.\n",
        encoding="utf-8")
    result = run(project, "--no-search")
    no_traceback(result.stdout, result.stderr)
    assert result.returncode == 0, result.stderr
    assert "seeds/guessed.txt: warning: headline guessed" in result.stderr
    reports = project / "content" / "reports"
    nyt = (reports / "en-nyt-html.md").read_text(encoding="utf-8")
    assert "title: In a Cold Maine Lake, Scientists Watch Winter Slip Away" in nyt and "language: en" in nyt
    assert "Elena Marchetti" in nyt and "Skip to content" not in nyt
    assert "published: '2025-06-04'" in (reports / "en-bbc-text.md").read_text(encoding="utf-8")
    press = (reports / "ko-gov-press-release.md").read_text(encoding="utf-8")
    assert "| 2021 | 3\\. 22. | 7\\. 29. | 23 |" in press  # the appendix table, as a table
    assert "title: guessed" in (reports / "guessed.md").read_text(encoding="utf-8")
    page = (project / "site" / "reports" / "en-nyt-html" / "index.html").read_text(encoding="utf-8")
    assert "Tolland Lake" in page and "<html lang=\"en\"" in page


def test_check_passes_on_the_built_site_and_fails_on_a_broken_link(built: Path) -> None:
    result = run(built, "check")
    assert result.returncode == 0, result.stderr[-2000:]
    assert re.search(r"^checked \d+ pages, \d+ links, \d+ anchors: 0 problem\(s\)", result.stdout, re.M)
    assert "HTML validation (Nu Html Checker): 0 error(s)" in result.stdout
    about = built / "site" / "about" / "index.html"
    original = about.read_text(encoding="utf-8")
    about.write_text(original.replace("</main>", '<a href="../nowhere/">x</a></main>'), encoding="utf-8")
    try:
        broken = run(built, "check", "--no-html")
        assert broken.returncode == 1 and "about/index.html: broken link → ../nowhere/" in broken.stderr
    finally:
        about.write_text(original, encoding="utf-8")


def test_entities_lists_counts_and_ends_quietly_when_its_reader_leaves(built: Path) -> None:
    result = run(built, "entities")
    assert result.returncode == 0
    lines = result.stdout.strip().splitlines()
    assert lines[0].split("\t")[:3] == ["china", "place", "5 reports"]
    assert re.fullmatch(r"\d+ entities, \d+ mentions in 5 reports", lines[-1])
    for reader in ("head -1", "true"):
        piped = shell(built, f"{PYTHON} build.py entities --suggest | {reader}; echo \"status ${{PIPESTATUS[0]}}\"")
        assert piped.stderr == "", piped.stderr
        assert piped.stdout.strip().endswith("status 0")


# --------------------------------------------------------------------------- the live preview

def visible(tab, marker: str) -> None:
    expect(tab.locator(".report-body")).to_contain_text(marker, timeout=60_000)


@pytest.mark.slow
def test_serve_through_many_edits_reloads_tabs_a_deleted_report_and_a_broken_file(tmp_path: Path, browser) -> None:
    project = clone(tmp_path / "project")
    preview = Preview(project)
    context = browser.new_context()
    try:
        tab = context.new_page()
        tab.goto(preview.url + REPORT_URL)
        page = project / REPORT
        original = page.read_text(encoding="utf-8")
        tabs, delays = [tab], []
        for number in range(1, 25):
            if number == 12:  # half-way: a manual reload, and a second tab on the same page
                tab.reload()
                second = context.new_page()
                second.goto(preview.url + REPORT_URL)
                tabs.append(second)
            marker = f"현관 점검 {number}번째 편집이다."
            written = time.monotonic()
            page.write_text(original.replace(LAST_SENTENCE, f"{LAST_SENTENCE} {marker}"), encoding="utf-8")
            for each in tabs:
                visible(each, marker)
            delays.append(time.monotonic() - written)
            assert preview.process.poll() is None, preview.output()
        print(f"\nedit to visible over {len(delays)} edits: p50 {statistics.median(delays) * 1000:.0f} ms, "
              f"max {max(delays) * 1000:.0f} ms")

        # A report deleted with its seed: its pages answer 404 and home no longer lists it.
        assert preview.status("reports/hani-2024-07-ms-google-cloud-china/") == 200
        (project / "seeds" / "000_917d64508556bdff.txt").unlink()
        (project / "content" / "reports" / "hani-2024-07-ms-google-cloud-china.md").unlink()
        deadline = time.monotonic() + 120
        while preview.status("reports/hani-2024-07-ms-google-cloud-china/") != 404:
            assert time.monotonic() < deadline, "the deleted report is still served"
            time.sleep(0.2)
        assert preview.status("sources/hani-2024-07-ms-google-cloud-china/") == 404
        assert preview.status("seeds/000_917d64508556bdff.txt") == 404
        home = context.new_page()
        home.goto(preview.url)
        expect(home.locator(".report-item")).to_have_count(4)

        # A broken file: an overlay naming file and line; the fix clears it.
        broken = original.replace("published: '2024-08-26'", "published: [2024-08-26")
        line = next(n for n, text in enumerate(broken.splitlines(), start=1) if text.startswith("published:"))
        page.write_text(broken, encoding="utf-8")
        expect(tab.locator("#livereload-overlay")).to_contain_text(f"{REPORT}:{line}:", timeout=60_000)
        page.write_text(original.replace(LAST_SENTENCE, f"{LAST_SENTENCE} 고친 뒤의 문장이다."), encoding="utf-8")
        expect(tab.locator("#livereload-overlay")).to_have_count(0, timeout=60_000)
        visible(tab, "고친 뒤의 문장이다.")
        assert preview.process.poll() is None, preview.output()
    finally:
        context.close()
        status = preview.stop()
    output = preview.output()
    no_traceback(output)
    assert status == 0 and "stopping\n" in output and output.rstrip().endswith("stopped"), output[-2000:]
    assert not (project / ".cache" / "pagefind-build").exists()
