"""Page bodies as HTML: CommonMark with raw HTML off, the anchors the model numbered
(``#p-1``, ``#s-1``, ``#fig-1``) so other pages can cite a paragraph, ``::: figure``
blocks for photo captions, and a link to its page on the first mention of each entity
(never inside a heading or another link), and after each sentence credited to an original
source a small link naming it (``model.attribution``), to that source's page. Where the
mentions and the sentences are is the model's finding; this module only places the links.

A figure shows its caption and credit and links to the original image: third-party
images are never hot-linked (readers' privacy, offline reading)."""
from __future__ import annotations

from collections.abc import Callable
from html import escape

from markdown_it.token import Token

from ..model.mentions import Occurrence
from ..model.text import anchored, parser


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


def _link_rule(state) -> None:
    """Give blocks their anchors; link the first mention of each entity to its page."""
    env = state.env
    by_anchor: dict[str, list[Occurrence]] = {}
    for occurrence in env["occurrences"]:
        by_anchor.setdefault(occurrence.anchor, []).append(occurrence)
    origins: dict[str, list[tuple[int, str, str]]] = {}
    for anchor, end, label, href in env["origins"]:
        origins.setdefault(anchor, []).append((end, f"{env['origin_word']}: ", label, href))
    linked: set[str] = set()
    for anchor, kind, token in list(anchored(state.tokens, env["path"], env["body_line"])):
        if kind != "heading" and anchor in by_anchor:
            token.children = _linked(token.children, by_anchor[anchor], env["href"], linked)
        if anchor in origins:
            token.children = _marked(token.children, origins[anchor])


def _marked(children: list[Token], marks: list[tuple[int, str, str, str]]) -> list[Token]:
    """The block's inline tokens with a link to an original source after each credited
    sentence (*marks*: its end in the block's plain text, the words a screen reader says
    first, the source's name and page),
    outside any other link; kept out of the search index, so phrases still read across it."""
    out: list[Token] = []
    pending = sorted(marks, key=lambda mark: mark[0])
    offset, depth = 0, 0
    for child in children:
        depth += child.type == "link_open"
        depth -= child.type == "link_close"
        length = len(child.content) if child.type in {"text", "code_inline"} else 1 if child.type in {"softbreak", "hardbreak"} else 0
        if child.type != "text" or depth:
            out.append(child)
            offset += length
            if not depth:
                while pending and pending[0][0] <= offset:
                    out.append(_origin(*pending.pop(0)[1:]))
            continue
        cursor = 0
        while pending and pending[0][0] <= offset + length:
            cut = pending[0][0] - offset
            if cut > cursor:
                out.append(_text(child.content[cursor:cut]))
                cursor = cut
            out.append(_origin(*pending.pop(0)[1:]))
        out.append(_text(child.content[cursor:]))
        offset += length
    out += [_origin(*mark[1:]) for mark in pending]
    return [token for token in out if token.type != "text" or token.content]


def _origin(said: str, label: str, href: str) -> Token:
    token = Token("html_inline", "", 0)
    token.content = (f' <a class="origin" href="{escape(href)}" data-pagefind-ignore>'
                     f'<span class="visually-hidden">{escape(said)}</span>{escape(label)}</a>')
    return token


def _linked(children: list[Token], occurrences: list[Occurrence], href: Callable[[str], str], linked: set[str]) -> list[Token]:
    out: list[Token] = []
    offset, depth = 0, 0  # where each child starts in the block's plain text (as ``model.text.plain`` counts)
    for child in children:
        depth += child.type == "link_open"
        depth -= child.type == "link_close"
        if child.type != "text":
            offset += 1 if child.type in {"softbreak", "hardbreak"} else len(child.content) if child.type == "code_inline" else 0
            out.append(child)
            continue
        cursor, end = 0, offset + len(child.content)
        for occurrence in occurrences:
            if depth or occurrence.entity in linked or not (offset + cursor <= occurrence.start and occurrence.end <= end):
                continue
            linked.add(occurrence.entity)
            start, stop = occurrence.start - offset, occurrence.end - offset
            link = Token("link_open", "a", 1)
            link.attrs = {"href": href(occurrence.entity), "class": "entity", "data-entity": occurrence.entity}
            out += [_text(child.content[cursor:start]), link, _text(child.content[start:stop]), Token("link_close", "a", -1)]
            cursor = stop
        out.append(_text(child.content[cursor:]))
        offset = end
    return [token for token in out if token.type != "text" or token.content]


def _text(content: str) -> Token:
    token = Token("text", "", 0)
    token.content = content
    return token


_MD = parser(render_figure=_render_figure)
_MD.core.ruler.push("anchors_and_links", _link_rule)


def render_body(text: str, path: str | None = None, body_line: int = 1, *, occurrences: tuple[Occurrence, ...] = (),
                href: Callable[[str], str] = str, origins=(), origin_word: str = "") -> str:
    """The Markdown *text* as HTML; the first of the *occurrences* of each entity a link to
    *href(entity id)*; *origins*: (anchor, sentence end, source name, its page) of each credited sentence."""
    return _MD.render(text, {"path": path, "body_line": body_line, "occurrences": occurrences, "href": href,
                             "origins": origins, "origin_word": origin_word})
