"""Render page bodies: CommonMark with raw HTML off, a stable anchor on every paragraph
(``#p-1``…) so other pages can cite it, ``::: figure`` blocks for photo captions, and
entity mentions: every mention is recorded with its sentence, and the first mention of
each entity links to its page (never inside a heading or another link).

A figure shows its caption and credit and links to the original image: third-party
images are never hot-linked (readers' privacy, offline reading).
"""
from __future__ import annotations

import re
import shlex
from collections.abc import Callable
from dataclasses import dataclass
from html import escape

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.container import container_plugin

from .errors import UserError
from .lang.ko import sentence_spans
from .mentions import Matcher

_FIGURE_KEYS = {"credit", "original"}


@dataclass(frozen=True)
class Occurrence:
    """One mention of an entity in a page body, with what a reader needs to find it."""

    entity: str
    anchor: str  # "p-3", "s-1" or "fig-1"
    text: str  # as written
    start: int  # offsets in the block's plain text
    end: int
    sentence: str
    sentence_start: int  # offsets of the mention inside the sentence
    sentence_end: int


@dataclass(frozen=True)
class RenderedBody:
    html: str
    paragraphs: int
    occurrences: tuple[Occurrence, ...] = ()
    blocks: tuple[tuple[str, str], ...] = ()  # (anchor, plain text) of each paragraph, heading and caption


def _renderer() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "typographer": False})
    container_plugin(md, "figure", render=_render_figure)
    md.core.ruler.push("anchors_and_figures", _anchor_rule)
    md.core.ruler.push("entity_mentions", _mention_rule)
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


def _mention_rule(state) -> None:
    """Record each block's plain text; find, record and link entity mentions."""
    matcher: Matcher | None = state.env.get("matcher")
    href: Callable[[str], str] | None = state.env.get("entity_href")
    linked: set[str] = set()
    found: list[Occurrence] = []
    blocks: list[tuple[str, str]] = []
    anchor, in_heading = "", False
    for token in state.tokens:
        if token.type in {"paragraph_open", "heading_open"} and token.attrGet("id"):
            anchor, in_heading = token.attrGet("id"), token.type == "heading_open"
        elif token.type == "container_figure_open":
            anchor, in_heading = f"fig-{token.meta['number']}", False
        elif token.type == "inline" and anchor and token.children is not None:
            blocks.append((anchor, _plain(token.children)))
            if matcher is not None:
                token.children = _link_mentions(token.children, matcher, href, anchor, in_heading, linked, found)
            anchor = ""
    state.env["occurrences"] = found
    state.env["blocks"] = blocks


def _plain(children: list[Token]) -> str:
    """A block's text as a reader sees it (the offsets of mentions and dates index this)."""
    return "".join("\n" if c.type in {"softbreak", "hardbreak"} else c.content if c.type in {"text", "code_inline"} else ""
                   for c in children)


def _link_mentions(children: list[Token], matcher: Matcher, href, anchor: str, in_heading: bool,
                   linked: set[str], found: list[Occurrence]) -> list[Token]:
    out: list[Token] = []
    spans: list[tuple[str, int, int, str]] = []  # entity, start, end, text in the block's plain text
    plain = ""
    link_depth = 0
    for child in children:
        if child.type == "link_open":
            link_depth += 1
        elif child.type == "link_close":
            link_depth -= 1
        if child.type != "text":
            plain += "\n" if child.type in {"softbreak", "hardbreak"} else child.content if child.type == "code_inline" else ""
            out.append(child)
            continue
        cursor = 0
        for mention in matcher.find(child.content):
            spans.append((mention.entity, len(plain) + mention.start, len(plain) + mention.end, mention.text))
            if in_heading or link_depth or mention.entity in linked:
                continue
            linked.add(mention.entity)
            out.append(_text(child.content[cursor:mention.start]))
            link = Token("link_open", "a", 1)
            link.attrs = {"href": href(mention.entity), "class": "entity", "data-entity": mention.entity}
            out += [link, _text(mention.text), Token("link_close", "a", -1)]
            cursor = mention.end
        out.append(_text(child.content[cursor:]))
        plain += child.content
    sentences: dict[tuple[int, int], str] = {}  # one string per sentence, however many mentions it holds
    for entity, start, end, text in spans:
        bounds = _sentence_bounds(plain, start)
        sentence = sentences.setdefault(bounds, plain[bounds[0]:bounds[1]])
        found.append(Occurrence(entity, anchor, text, start, end, sentence, start - bounds[0], end - bounds[0]))
    return [token for token in out if token.type != "text" or token.content]


def _text(content: str) -> Token:
    token = Token("text", "", 0)
    token.content = content
    return token


def _sentence_bounds(text: str, position: int) -> tuple[int, int]:
    """Start and end of the sentence that contains *position*."""
    for start, end in sentence_spans(text):
        if position < end:
            return start, end
    return len(text), len(text)


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


def render_markdown(text: str, path: str | None = None, body_line: int = 1, *, matcher: Matcher | None = None,
                    entity_href: Callable[[str], str] | None = None) -> RenderedBody:
    env = {"path": path, "body_line": body_line, "matcher": matcher, "entity_href": entity_href}
    html = _MD.render(text, env)
    return RenderedBody(html=html, paragraphs=env.get("paragraphs", 0), occurrences=tuple(env.get("occurrences", ())),
                        blocks=tuple(env.get("blocks", ())))
