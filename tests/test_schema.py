"""One schema for every file an author writes: the same strictness and a message at the
right line in each — configuration, manifest, report, page and entity front matter, and
the curation file."""
from __future__ import annotations

from pathlib import Path

import pytest
from conftest import build

from microsite.content.schema import TomlLines
from microsite.errors import UserError

REPORT = "content/reports/dt-2024-08-overseas-cloud-h100.md"


def refused(project: Path) -> UserError:
    with pytest.raises(UserError) as raised:
        build(project, search=False)
    return raised.value


def rewrite(project: Path, name: str, old: str, new: str) -> int:
    """Replace *old* by *new* in a file of the project; the line *new* starts on."""
    path = project / name
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


@pytest.fixture
def reports(project: Path) -> Path:
    import shutil

    from conftest import ROOT
    shutil.copytree(ROOT / "content" / "reports", project / "content" / "reports")
    return project


@pytest.mark.parametrize("old, new, offset, message", [
    ("outlet: 디지털타임스\n", "outlet: 디지털타임스\ncolour: red\n", 1, "unknown key 'colour' in front matter (known: "),
    ("outlet: 디지털타임스\n", "outlet: 디지털타임스\noutlet: 다른 매체\n", 1, "'outlet' is given twice (first on line"),
    ("language: ko\n", "language: " + "k" * 40 + "\n", 0, "'language' in front matter: must be a language code"),
    ("published_estimated: true\n", "published_estimated: 'no'\n", 0, "must be true or false, not 'no'"),
    ("authors:\n- 김영욱\n", "authors: 김영욱\n", 0, "'authors' in front matter: must be a list of text, not '김영욱'"),
], ids=["unknown-key", "twice", "language", "flag", "list"])
def test_report_front_matter_is_checked_key_by_key_at_its_line(reports: Path, old: str, new: str, offset: int,
                                                               message: str) -> None:
    line = rewrite(reports, REPORT, old, new) + offset
    error = refused(reports)
    assert error.path == REPORT and error.line == line and message in error.message, (error.line, error.message)


def test_a_non_utf8_author_file_is_named_not_a_traceback(project: Path) -> None:
    for name in ("content/entities/nvidia.md", "content/chronology.toml", "seeds/sources.toml", "content/pages/about.md"):
        path = project / name
        original = path.read_bytes()
        path.write_bytes(original.replace("엔비디아".encode(), "엔비디아".encode("cp949"), 1) + "\n가".encode("cp949"))
        error = refused(project)
        assert str(error.path).endswith(name) and "not UTF-8 text" in error.message, error
        path.write_bytes(original)


def test_a_folder_where_a_report_should_be_is_named(reports: Path) -> None:
    (reports / "content" / "reports" / "folder.md").mkdir()
    error = refused(reports)
    assert error.path == "content/reports/folder.md" and "a folder where a file was expected" in error.message


@pytest.mark.parametrize("text, line, message", [
    ("events = 5\n", 1, "'events' in chronology.toml: must be a table of keys and values, not 5"),
    ('[events]\n"some-report#p-1.1" = 5\n', 2, "'some-report#p-1.1' must be a table"),
    ('[events."x#p-1.1"]\nlabel = 5\n', 2, "'label' in [events.\"x#p-1.1\"]: must be text, not 5"),
    ('[[added]]\nid = "x"\nlabel = "y"\n', 1, "missing required key(s) in [[added]]: date"),
    ("[extra]\nx = 1\n", 1, "unknown key 'extra' in chronology.toml"),
], ids=["events-number", "event-number", "label-number", "added-missing", "unknown-table"])
def test_curation_values_have_real_types(project: Path, text: str, line: int, message: str) -> None:
    (project / "content" / "chronology.toml").write_text("# notes\n\n" + text, encoding="utf-8")
    error = refused(project)
    assert error.path == "content/chronology.toml" and error.line == line + 2 and message in error.message, error


def test_an_entity_alias_mistake_names_the_alias_line(project: Path) -> None:
    entity = project / "content" / "entities" / "zz-test.md"
    entity.write_text("---\nname: 시험\nkind: company\naliases:\n  - 시험기업\n  - text: 시험사\n    colour: red\n---\n",
                      encoding="utf-8")
    error = refused(project)
    assert error.line == 7 and "unknown key 'colour' in an alias" in error.message, error


def test_toml_lines_finds_tables_keys_and_arrays_of_tables() -> None:
    lines = TomlLines('a = 1\n[tool.microsite]\ntitle = "x"\n[seeds."b.txt"]\nslug = "b"\n"quoted key" = 2\n'
                      '[[added]]\nid = "1"\n[[added]]\nid = "2"\ntext = """\nid = "not a key"\n"""\nlabel = "z"\n')
    assert lines.line("a") == 1 and lines.line("tool", "microsite", "title") == 3
    assert lines.line("seeds", "b.txt") == 4 and lines.line("seeds", "b.txt", "slug") == 5
    assert lines.line("seeds", "b.txt", "quoted key") == 6
    assert lines.line("added", 1, "id") == 10 and lines.line("added", 1, "label") == 14
    assert lines.line("added", 1, "missing") == 9 and lines.line("nowhere") is None
