"""One schema for every file an author writes — the configuration (``[tool.microsite]``),
the manifest (``seeds/sources.toml``), report, page and entity front matter, and the
curation file (``content/chronology.toml``) — and one way to check it: each key has a
type and, where needed, a check; an unknown key, a missing one or a value of the wrong
type is an error at its line, in every file alike.

Lines: YAML front matter knows its own (``frontmatter``); TOML's reader does not, so
``TomlLines`` finds each table and key in the text.
"""
from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..errors import UserError

TEXT, FLAG, TEXTS, TABLE, TABLES, ANY = "text", "flag", "texts", "table", "tables", "any"
_DESCRIBED = {TEXT: "text", FLAG: "true or false", TEXTS: "a list of text", TABLE: "a table of keys and values",
              TABLES: "a list of tables"}


@dataclass(frozen=True)
class Field:
    type: str = TEXT  # TEXT, FLAG, TEXTS (a list of text), TABLE, TABLES (a list of tables) or ANY
    required: bool = False
    nonempty: bool = False  # text: not blank; a list of text: no blank item (an empty list is fine)
    check: Callable[[object], str | None] | None = None  # the problem with a value of the right type, or None


def validate(values: dict, fields: dict[str, Field], *, path: str | Path, line: Callable[[str], int | None],
             where: str = "") -> dict:
    """*values* checked against *fields*; *line(key)* is the line of a key (of the table when
    the key is absent). Returns *values*; the first problem raises ``UserError``."""
    place = f" in {where}" if where else ""
    unknown = [key for key in values if key not in fields]
    if unknown:
        raise UserError(path, line(str(unknown[0])),
                        f"unknown key '{unknown[0]}'{place} (known: {', '.join(sorted(fields))})")
    missing = [key for key, field in fields.items() if field.required and key not in values]
    if missing:
        raise UserError(path, line(missing[0]), f"missing required key(s){place}: {', '.join(missing)}")
    for key, value in values.items():
        problem = _problem(fields[key], value)
        if problem:
            raise UserError(path, line(key), f"'{key}'{place}: {problem}")
    return values


def _problem(field: Field, value) -> str | None:
    expected = {TEXT: str, FLAG: bool, TEXTS: list, TABLE: dict, TABLES: list}.get(field.type)
    if expected is not None and not isinstance(value, expected):
        shown = repr(value) if isinstance(value, (str, int, float, bool)) else type(value).__name__
        return f"must be {_DESCRIBED[field.type]}, not {shown}"
    if field.type == TEXTS and not all(isinstance(item, str) for item in value):
        return "must be a list of text"
    if field.type == TABLES and not all(isinstance(item, dict) for item in value):
        return "must be a list of tables"
    text = [value] if field.type == TEXT else value if field.type == TEXTS else []
    control = next((match for item in text if (match := _CONTROL.search(item))), None)
    if control:
        return f"holds a control character (U+{ord(control.group()):04X}); remove it"
    if field.nonempty and field.type == TEXT and not value.strip():
        return "must not be empty"
    if field.nonempty and field.type == TEXTS and not all(item.strip() for item in value):
        return "must not hold an empty item"
    return field.check(value) if field.check else None


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # never in text a reader sees (tab and newlines are)
_LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8}){0,2}$")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def text_by_language(value) -> str | None:
    """A check: text, or a table of texts by language code (``{ko = "…", en = "…"}``)."""
    if isinstance(value, str):
        return _problem(Field(), value)
    if not isinstance(value, dict) or not value:
        return "must be text, or a table of texts by language (ko = \"…\", en = \"…\")"
    for code, text in value.items():
        problem = language_code(code) or (None if isinstance(text, str) else f"{code}: must be text") or _problem(Field(), text)
        if problem:
            return problem
    return None


def language_code(value: str) -> str | None:
    """A check: a language tag such as "ko", "en" or "en-GB"."""
    return None if _LANGUAGE_CODE.match(value) else f"must be a language code such as 'ko' or 'en', not {value[:40]!r}"


def slug(value: str) -> str | None:
    """A check: lowercase ASCII words joined by '-' (an address, a file name)."""
    return None if SLUG.match(value) else f"{value[:60]!r} must be lowercase ASCII words joined by '-'"


def parse_toml(text: str, path) -> dict:
    """TOML, or a ``path:line`` error saying where it stops making sense."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        match = re.search(r"at line (\d+)", str(error))
        raise UserError(path, int(match.group(1)) if match else None, f"invalid TOML: {error}") from None


def read_text(path: Path, shown: str | Path) -> str:
    """A file an author writes: UTF-8 (a BOM is dropped), or an error that says so."""
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        raise UserError(shown, None, f"not UTF-8 text ({error.reason} at byte {error.start})") from None
    except IsADirectoryError:
        raise UserError(shown, None, "a folder where a file was expected") from None


_HEADER = re.compile(r"^\s*(\[\[?)\s*(.+?)\s*\]\]?\s*(?:#.*)?$")
_KEY = re.compile(r"""^\s*((?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|'[^']*'))*)\s*=""")
_PART = re.compile(r"""[A-Za-z0-9_-]+|"((?:[^"\\]|\\.)*)"|'([^']*)'""")


class TomlLines:
    """Where each table and key of a TOML text is: ``line("tool", "microsite", "title")``,
    ``line("events", "<id>")``, ``line("added", 2, "label")`` (the third ``[[added]]``). A
    path not found gives the line of its nearest table, or None."""

    def __init__(self, text: str):
        self._lines: dict[tuple, int] = {}
        counts: dict[tuple, int] = {}
        table: tuple = ()
        in_string = False
        for number, row in enumerate(text.splitlines(), start=1):
            if in_string:
                in_string = row.count('"""') % 2 == 0 and row.count("'''") % 2 == 0
                continue
            header = _HEADER.match(row)
            if header and not _KEY.match(row):
                table = _parts(header.group(2))
                if header.group(1) == "[[":
                    counts[table] = counts.get(table, -1) + 1
                    table = (*table, counts[table])
                self._lines.setdefault(table, number)
                continue
            key = _KEY.match(row)
            if key:
                self._lines.setdefault((*table, *_parts(key.group(1))), number)
                rest = row[key.end():]
                in_string = rest.count('"""') % 2 == 1 or rest.count("'''") % 2 == 1

    def line(self, *path) -> int | None:
        for end in range(len(path), 0, -1):
            if path[:end] in self._lines:
                return self._lines[path[:end]]
        return None

    def finder(self, *table) -> Callable[[str], int | None]:
        """``line`` for the keys of one table, as ``validate`` asks for it."""
        return lambda key: self.line(*table, key)


def _parts(dotted: str) -> tuple[str, ...]:
    return tuple(match.group(1) if match.group(1) is not None else match.group(2) if match.group(2) is not None
                 else match.group(0) for match in _PART.finditer(dotted))
