"""The data files a long list's filters read in the browser (``assets/filters.js``): the
chronology's events (``chronology/data/``) and the home page's reports (``page/data/``).
A filtered view fetches a few small files whatever the size of the archive. The list's
items are numbered in the order its pages show them; its folder holds

- ``index.json``: ``per_page``, ``chunk``, ``shown`` (items a filtered view shows at a
  time), ``count``; the ``sections`` (a heading's id "m2024-07", its label, the number of
  its first item, its count) — a year is a run of sections, so it needs no file; and the
  values one can filter by, with their counts and files: ``entities`` (id, name, count),
  ``outlets`` (name, count, file — or, for a short list, name, count, "", its numbers)
  and whatever else the list adds;
- ``<filter>/<file>.json``: ``{"n": …}``, the numbers of the items that match, ascending,
  base 36, each after the first as the step from the one before ("0,3,1,a");
- ``<items>/<n>.json``: the items numbered ``n*chunk`` to ``(n+1)*chunk - 1``, as a
  filtered list shows them.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping

File = tuple[str, tuple, Callable[[], bytes]]  # (path, what it is made from, how to make it)


def encode(numbers: list[int]) -> str:
    """Ascending numbers in base 36, each after the first as the step from the one before."""
    parts, last = [], 0
    for number in numbers:
        parts.append(_base36(number - last))
        last = number
    return ",".join(parts)


def _base36(number: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    text = ""
    while True:
        number, rest = divmod(number, 36)
        text = digits[rest] + text
        if not number:
            return text


def json_bytes(value) -> bytes:
    return (json.dumps(value, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


def outlet_file(name: str) -> str:
    """An outlet's file name: its name's hash (names are any text)."""
    return hashlib.sha256(name.encode("utf-8")).hexdigest()[:12]


def entity_rows(by_entity: Mapping[str, list[int]], name: Callable[[str], str]) -> list[list]:
    """The entities one can filter by, as ``index.json`` lists them: by name."""
    return sorted(([entity, name(entity), len(numbers)] for entity, numbers in by_entity.items()),
                  key=lambda row: (row[1], row[0]))


def outlet_rows(by_outlet: Mapping[str, list[int]], *, inline: bool = False) -> list[list]:
    """The outlets one can filter by: the busiest first; *inline*, each with its numbers
    rather than the name of its file (for a short list, whose files would be many and tiny)."""
    return sorted(([name, len(numbers), "", encode(numbers)] if inline else [name, len(numbers), outlet_file(name)]
                   for name, numbers in by_outlet.items()), key=lambda row: (-row[1], row[0]))


def list_files(folder: str, items: str, *, count: int, per_page: int, chunk: int, shown: int, sections: list[list],
               choices: Mapping[str, list], lists: Mapping[str, list[int]],
               chunk_inputs: Callable[[range], tuple], records: Callable[[range], list]) -> list[File]:
    """The files of one list under *folder*: a file per entry of *lists* (its path in the
    folder, "entity/nvidia" → the numbers that match), ``index.json`` with the *choices*
    (``entities``, ``outlets``…), and the items in files of *chunk* under *items*/;
    *records(numbers)* makes a chunk's items, *chunk_inputs(numbers)* says what they are made of."""
    files: list[File] = []
    for name, numbers in sorted(lists.items()):
        encoded = encode(numbers)
        files.append((f"{folder}{name}.json", (encoded,), lambda encoded=encoded: json_bytes({"n": encoded})))
    manifest = json_bytes({"per_page": per_page, "chunk": chunk, "shown": shown, "count": count, "sections": sections,
                           **choices})
    files.append((f"{folder}index.json", (manifest,), lambda: manifest))
    for start in range(0, count, chunk):
        numbers = range(start, min(start + chunk, count))
        files.append((f"{folder}{items}/{start // chunk}.json", chunk_inputs(numbers),
                      lambda numbers=numbers: json_bytes(records(numbers))))
    return files
