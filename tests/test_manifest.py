"""The researcher's manifest: mistakes name their line."""
from __future__ import annotations

from pathlib import Path

import pytest

from microsite.errors import UserError
from microsite.ingest.manifest import load_manifest

GOOD = '''# comment
[seeds."a.txt"]
slug = "first-report"
published = "2024-07"
notes = "a slug = inside notes"

[seeds."b.txt"]
slug = "second-report"
published = "2024-07-18"
published_estimated = true
authors = ["홍길동"]
'''


def write(tmp_path: Path, text: str) -> Path:
    (tmp_path / "sources.toml").write_text(text, encoding="utf-8")
    return tmp_path


def test_entries_by_file_with_their_lines(tmp_path: Path) -> None:
    entries = load_manifest(write(tmp_path, GOOD))
    assert sorted(entries) == ["a.txt", "b.txt"]
    assert entries["b.txt"].line == 7
    assert entries["b.txt"].get("authors") == ["홍길동"]


def test_no_manifest_is_an_empty_one(tmp_path: Path) -> None:
    assert load_manifest(tmp_path) == {}


@pytest.mark.parametrize("change, line, message", [
    (('published = "2024-07-18"', 'published = "2024-02-30"'), 9, "must be YYYY-MM-DD or YYYY-MM, a real date"),
    (('authors = ["홍길동"]', 'author = ["홍길동"]'), 11, "unknown key 'author'"),
    (('slug = "second-report"', 'slug = "first-report"'), 8, "already used by a.txt"),
    (('slug = "second-report"', 'slug = "Second Report"'), 8, "must be lowercase ASCII"),
    (('published_estimated = true', 'published_estimated = "yes"'), 10, "must be true or false, not 'yes'"),
    (('[seeds."b.txt"]', '[seeds."../b.txt"]'), 7, "must be a file name inside seeds/"),
    (('slug = "first-report"', 'slug = "first-report'), 3, "invalid TOML"),
    (('notes = "a slug = inside notes"', 'notes = {Korean = "메모"}'), 5, "must be a language code"),
    (('notes = "a slug = inside notes"', 'notes = {ko = ["메모"]}'), 5, "ko: must be text"),
    (('notes = "a slug = inside notes"', 'notes = 3'), 5, "must be text, or a table of texts by language"),
])
def test_mistakes_name_their_line(tmp_path: Path, change, line: int, message: str) -> None:
    with pytest.raises(UserError) as raised:
        load_manifest(write(tmp_path, GOOD.replace(*change)))
    assert raised.value.line == line
    assert message in raised.value.message


def test_notes_may_be_written_in_several_languages(tmp_path: Path) -> None:
    text = GOOD.replace('notes = "a slug = inside notes"', '[seeds."a.txt".notes]\nko = "근거"\nen = "evidence"')
    assert load_manifest(write(tmp_path, text))["a.txt"].get("notes") == {"ko": "근거", "en": "evidence"}
