"""A report's body as text: its blocks (paragraphs, headings, photo captions), each with
the anchor other pages cite it by and its plain text as a reader sees it. Read from the
Markdown's structure, not from rendered HTML: the model (mentions, events) and the HTML
(``output.markdown``) number blocks by the same rule, ``anchored``.

Figures are written ``::: figure credit='…' original=https://…`` … ``:::``; their
attributes are checked here, where a mistake is first met."""
from __future__ import annotations

import shlex
from collections.abc import Iterator
from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.container import container_plugin

from ..errors import UserError

FIGURE_KEYS = {"credit", "original"}


@dataclass(frozen=True)
class Block:
    anchor: str  # "p-3" (paragraph), "s-1" (heading), "fig-2" (photo caption)
    kind: str  # "paragraph", "heading" or "figure"
    text: str  # the plain text; mention and date offsets index it


def parser(render_figure=None) -> MarkdownIt:
    """CommonMark with tables, raw HTML off and ``::: figure`` blocks (rendered by *render_figure*)."""
    md = MarkdownIt("commonmark", {"html": False, "typographer": False}).enable("table")
    container_plugin(md, "figure", **({"render": render_figure} if render_figure else {}))
    return md


_PARSER = parser()


def anchored(tokens: list[Token], path, body_line: int) -> Iterator[tuple[str, str, Token]]:
    """(anchor, kind, inline token) of every block a reader can cite, in order; paragraphs
    and headings get their ``id``, figures their number and checked attributes (in
    ``meta``), and paragraphs inside a figure are hidden (the caption is the figure's)."""
    counts = {"paragraph": 0, "heading": 0, "figure": 0}
    open_figures: list[Token] = []
    pending: tuple[str, str] | None = None
    for token in tokens:
        if token.type == "container_figure_open":
            counts["figure"] += 1
            line = body_line + (token.map[0] if token.map else 0)
            token.meta = {"number": counts["figure"], **figure_attributes(token.info, path, line)}
            open_figures.append(token)
            pending = (f"fig-{counts['figure']}", "figure")
        elif token.type == "container_figure_close":
            token.meta = open_figures.pop().meta
        elif token.type == "paragraph_open" and token.level == 0:
            counts["paragraph"] += 1
            token.attrSet("id", f"p-{counts['paragraph']}")
            pending = (token.attrGet("id"), "paragraph")
        elif token.type in {"paragraph_open", "paragraph_close"} and open_figures and token.level == 1:
            token.hidden = True
        elif token.type == "heading_open":
            counts["heading"] += 1
            token.attrSet("id", f"s-{counts['heading']}")
            pending = (token.attrGet("id"), "heading")
        elif token.type == "inline" and pending and token.children is not None:
            yield (*pending, token)
            pending = None


def plain(children: list[Token]) -> str:
    """An inline token's text as a reader sees it (line breaks as "\\n")."""
    return "".join("\n" if c.type in {"softbreak", "hardbreak"} else c.content if c.type in {"text", "code_inline"} else ""
                   for c in children)


def body_blocks(markdown: str, path=None, body_line: int = 1) -> tuple[Block, ...]:
    tokens = _PARSER.parse(markdown)
    return tuple(Block(anchor, kind, plain(token.children)) for anchor, kind, token in anchored(tokens, path, body_line))


def figure_attributes(info: str, path, line: int) -> dict:
    try:
        words = shlex.split(info.strip())[1:]
    except ValueError as error:
        raise UserError(path, line, f"figure: {error}") from None
    attributes = {}
    for word in words:
        key, sep, value = word.partition("=")
        if not sep or key not in FIGURE_KEYS:
            raise UserError(path, line, f"figure: unknown attribute {word!r} (use credit='…' original='https://…')")
        if key == "original" and not value.startswith(("https://", "http://")):
            raise UserError(path, line, f"figure: original must be an http(s) address, not {value!r}")
        attributes[key] = value
    return attributes
