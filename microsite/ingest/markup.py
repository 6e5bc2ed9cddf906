"""Flatten a captured HTML fragment into the same lines a plain-text capture has.

Block elements become line breaks, hidden and interactive elements vanish, and a
``<figure>`` becomes one caption line that remembers the original image address.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

_HTML_HINT = re.compile(r"<(p|div|section|article|figure|br|span|table|strong|h[1-6]|ul|li)\b[^>]*>", re.I)

_DROP = {"script", "style", "noscript", "iframe", "template", "nav", "button", "form", "select",
         "input", "textarea", "svg", "canvas", "video", "audio", "object", "embed", "head", "title"}
_BLOCK = {"p", "div", "section", "article", "header", "footer", "aside", "main", "blockquote", "li", "ul",
          "ol", "tr", "table", "tbody", "thead", "dl", "dt", "dd", "pre", "figure", "figcaption", "br",
          "hr", "h1", "h2", "h3", "h4", "h5", "h6", "address", "body", "html", "center"}


@dataclass(frozen=True)
class Line:
    """One line of a capture, with what its markup said about it (if it had any)."""

    text: str
    heading: bool = False
    figure: bool = False
    original: str = ""  # original image address, for figures


def looks_like_html(text: str) -> bool:
    return len(_HTML_HINT.findall(text)) >= 2


def html_to_lines(text: str) -> list[Line]:
    soup = BeautifulSoup(text, "html.parser")
    lines: list[Line] = []
    buffer: list[str] = []

    def flush() -> None:
        joined = re.sub(r"\s+", " ", "".join(buffer)).strip()
        buffer.clear()
        if joined:
            lines.append(Line(joined))

    def walk(node: Tag) -> None:
        for child in node.children:
            if isinstance(child, Comment):
                continue
            if isinstance(child, NavigableString):
                buffer.append(str(child))
                continue
            if not isinstance(child, Tag):
                continue
            name = child.name.lower()
            if name in _DROP or _hidden(child):
                if name not in {"span", "strong", "em", "b", "i", "a"}:
                    flush()
                continue
            if name == "figure" or (name == "img" and child.get("alt")):
                flush()
                figure = _figure(child)
                if figure is not None:
                    lines.append(figure)
                continue
            if name in {"td", "th"}:
                buffer.append(" ")
            if name in _BLOCK:
                flush()
                walk(child)
                text_of_block = re.sub(r"\s+", " ", "".join(buffer)).strip()
                if name in {"h1", "h2", "h3", "h4", "h5", "h6"} and text_of_block:
                    buffer.clear()
                    lines.append(Line(text_of_block, heading=name != "h1"))
                flush()
            else:
                walk(child)
        return None

    walk(soup)
    flush()
    return lines


def _hidden(tag: Tag) -> bool:
    style = (tag.get("style") or "").replace(" ", "").lower()
    return ("display:none" in style or "visibility:hidden" in style or tag.has_attr("hidden")
            or tag.get("aria-hidden") == "true")


def _figure(tag: Tag) -> Line | None:
    images = [tag] if tag.name == "img" else tag.find_all("img")
    original = ""
    for image in images:
        for attribute in ("data-org-src", "data-src", "src"):
            value = (image.get(attribute) or "").strip()
            if re.match(r"^https?://", value):
                original = value
                break
        if original:
            break
    caption_tag = tag.find("figcaption") if tag.name == "figure" else None
    caption = caption_tag.get_text(" ") if caption_tag else (images[0].get("alt", "") if images else "")
    caption = re.sub(r"\s+", " ", caption).strip()
    if not caption and not original:
        return None
    return Line(caption, figure=True, original=original)
