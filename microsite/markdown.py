"""Render page bodies: CommonMark with raw HTML off, a stable anchor on every paragraph
(``#p-1``…) so other pages can cite it, and ``::: figure`` blocks for photo captions.

A figure shows its caption and credit and links to the original image: third-party
images are never hot-linked (readers' privacy, offline reading).
"""
from __future__ import annotations

import shlex
from dataclasses import dataclass
from html import escape

from markdown_it import MarkdownIt
from mdit_py_plugins.container import container_plugin

from .errors import UserError

_FIGURE_KEYS = {"credit", "original"}


@dataclass(frozen=True)
class RenderedBody:
    html: str
    paragraphs: int


def _renderer() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "typographer": False})
    container_plugin(md, "figure", render=_render_figure)
    md.core.ruler.push("anchors_and_figures", _anchor_rule)
    return md


def _anchor_rule(state) -> None:
    paragraph = heading = figure = 0
    tokens = state.tokens
    open_figures = []
    for token in tokens:
        if token.type == "container_figure_open":
            figure += 1
            token.meta = {"number": figure, **_figure_attributes(token.info, state.env, token.map)}
            open_figures.append(token)
        elif token.type == "container_figure_close":
            token.meta = open_figures.pop().meta
        elif token.type == "paragraph_open" and token.level == 0:
            paragraph += 1
            token.attrSet("id", f"p-{paragraph}")
        elif token.type in {"paragraph_open", "paragraph_close"} and open_figures and token.level == 1:
            token.hidden = True
        elif token.type == "heading_open":
            heading += 1
            token.attrSet("id", f"s-{heading}")
    state.env["paragraphs"] = paragraph


def _figure_attributes(info: str, env: dict, line_map) -> dict:
    line = env.get("body_line", 1) + (line_map[0] if line_map else 0)
    try:
        words = shlex.split(info.strip())[1:]
    except ValueError as error:
        raise UserError(env.get("path"), line, f"figure: {error}") from None
    attributes = {}
    for word in words:
        key, sep, value = word.partition("=")
        if not sep or key not in _FIGURE_KEYS:
            raise UserError(env.get("path"), line, f"figure: unknown attribute {word!r} (use credit='…' original='https://…')")
        if key == "original" and not value.startswith(("https://", "http://")):
            raise UserError(env.get("path"), line, f"figure: original must be an http(s) address, not {value!r}")
        attributes[key] = value
    return attributes


def _render_figure(self, tokens, idx, options, env) -> str:
    token = tokens[idx]
    meta = token.meta or {}
    if token.nesting == 1:
        return f'<figure class="photo" id="fig-{meta.get("number", idx)}">\n<figcaption>'
    credit = f' <span class="credit">{escape(meta["credit"])}</span>' if meta.get("credit") else ""
    original = ""
    if meta.get("original"):
        original = (f'\n<p class="original"><a href="{escape(meta["original"])}" rel="external noopener noreferrer">'
                    f'원본 사진 보기<span class="visually-hidden"> (외부 사이트)</span></a></p>')
    return f"{credit}</figcaption>{original}\n</figure>\n"


_MD = _renderer()


def render_markdown(text: str, path: str | None = None, body_line: int = 1) -> RenderedBody:
    env = {"path": path, "body_line": body_line}
    html = _MD.render(text, env)
    return RenderedBody(html=html, paragraphs=env.get("paragraphs", 0))
