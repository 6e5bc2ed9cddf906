"""Read and write Markdown pages with YAML front matter, keeping line numbers for errors.

YAML aliases are refused (an alias bomb cannot blow up the build) and dates stay strings
(``published: 2024-07-18`` means the text "2024-07-18", not a Python date).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..errors import UserError

MAX_FRONT_MATTER = 64 * 1024


_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when installed: ten times faster


class _Loader(_BaseLoader):
    """Safe YAML, with dates left as strings."""


_Loader.yaml_implicit_resolvers = {
    first: [resolver for resolver in resolvers if resolver[0] != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _find_alias(node, seen: set[int]) -> yaml.Node | None:
    """A node reached twice is an alias (``*name``): refused before it can be expanded."""
    if id(node) in seen:
        return node
    seen.add(id(node))
    children = []
    if isinstance(node, yaml.MappingNode):
        children = [part for pair in node.value for part in pair]
    elif isinstance(node, yaml.SequenceNode):
        children = node.value
    for child in children:
        found = _find_alias(child, seen)
        if found is not None:
            return found
    return None


@dataclass(frozen=True)
class ParsedPage:
    front: dict
    body: str
    body_line: int  # 1-based line where the body starts
    lines: dict  # path of keys and list positions, ("aliases", 2, "text"), -> 1-based line

    def line(self, *path) -> int:
        """The line of a value (of its nearest enclosing one when absent; 1 at worst)."""
        for end in range(len(path), 0, -1):
            if path[:end] in self.lines:
                return self.lines[path[:end]]
        return 1


def parse_page(text: str, path: Path | str) -> ParsedPage:
    if text.startswith("\ufeff"):
        text = text[1:]
    text = unicodedata.normalize("NFC", text)  # an editor may save decomposed Hangul; matching needs one form
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.startswith("---\n"):
        raise UserError(path, 1, "a page must start with '---' and YAML front matter")
    end = text.find("\n---", 3)
    while end >= 0 and text[end + 4:end + 5] not in ("\n", ""):
        end = text.find("\n---", end + 4)
    if end < 0:
        raise UserError(path, 1, "front matter is not closed by a '---' line")
    raw = text[4:end + 1]
    if len(raw) > MAX_FRONT_MATTER:
        raise UserError(path, 2, f"front matter is {len(raw) // 1024} KB; the limit is {MAX_FRONT_MATTER // 1024} KB")
    loader = _Loader(raw)
    try:
        node = loader.get_single_node()
        alias = _find_alias(node, set()) if node is not None else None
        if alias is not None:
            used = re.search(r"(?m)(^|[\s\[{,:-])\*[\w-]+", raw)  # the first *name, where the alias is used
            line = raw.count("\n", 0, used.start()) + 2 if used else alias.start_mark.line + 2
            raise UserError(path, line, "invalid front matter: aliases (*name) are not allowed in front matter")
        front = loader.construct_document(node) if node is not None else {}
    except yaml.MarkedYAMLError as error:
        # An unclosed bracket or quote is noticed where the text ends; it was opened at the context mark.
        unclosed = error.context_mark is not None and any(word in (error.context or "") for word in ("flow", "quoted"))
        mark = error.context_mark if unclosed else error.problem_mark or error.context_mark
        line = mark.line + 2 if mark else 2
        problem = error.problem or str(error)
        if unclosed:
            opened = "a quote" if "quoted" in error.context else "a bracket"
            problem = f"{opened} opened on this line is never closed ({problem})"
        raise UserError(path, line, f"invalid front matter: {problem}") from None
    except yaml.YAMLError as error:
        raise UserError(path, 2, f"invalid front matter: {error}") from None
    finally:
        loader.dispose()
    if front is None:
        front = {}
    if not isinstance(front, dict):
        raise UserError(path, 2, "front matter must be a mapping of keys to values")
    body_start = end + 4
    body = text[body_start:].lstrip("\n")
    body_line = text.count("\n", 0, len(text) - len(body)) + 1
    lines: dict = {}
    twice = _node_lines(node, (), lines)
    if twice:
        raise UserError(path, twice[1], f"invalid front matter: '{twice[0]}' is given twice (first on line {lines[twice[2]]})")
    return ParsedPage(front=front, body=body, body_line=body_line, lines=lines)


def _node_lines(node, path: tuple, lines: dict) -> tuple | None:
    """Record the line of every key and list item under *node*; a key given twice in one
    mapping is returned as (key, its second line, its path)."""
    if isinstance(node, yaml.MappingNode):
        for key_node, value in node.value:
            key = (*path, str(key_node.value))
            if key in lines:
                return str(key_node.value), key_node.start_mark.line + 2, key
            lines[key] = key_node.start_mark.line + 2
            twice = _node_lines(value, key, lines)
            if twice:
                return twice
    elif isinstance(node, yaml.SequenceNode):
        for number, item in enumerate(node.value):
            lines[(*path, number)] = item.start_mark.line + 2
            twice = _node_lines(item, (*path, number), lines)
            if twice:
                return twice
    return None


def dump_page(front: dict, body: str) -> str:
    yaml_text = yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=10_000, default_flow_style=False)
    return f"---\n{yaml_text}---\n\n{body}"
