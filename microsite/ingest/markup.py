"""Flatten a captured HTML page or fragment into the same lines a plain-text capture has,
and read what its metadata says about the report.

Block elements become line breaks, hidden and interactive elements vanish, and a
``<figure>`` becomes one caption line that remembers the original image address. The
metadata (Open Graph and article tags, JSON-LD, ``<time>``, ``<html lang>``) is evidence
the normalizer weighs against what the page prints; it never replaces a printed fact.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace

from bs4 import BeautifulSoup, Comment, Declaration, Doctype, NavigableString, ProcessingInstruction, Tag

_HTML_HINT = re.compile(r"<(p|div|section|article|figure|br|span|table|strong|h[1-6]|ul|li)\b[^>]*>", re.I)

_DROP = {"script", "style", "noscript", "iframe", "template", "button", "form", "select",
         "input", "textarea", "svg", "canvas", "video", "audio", "object", "embed", "head", "title"}
_BLOCK = {"p", "div", "section", "article", "header", "footer", "aside", "main", "blockquote", "li", "ul",
          "ol", "tr", "table", "tbody", "thead", "dl", "dt", "dd", "pre", "figure", "figcaption", "br", "nav",
          "hr", "h1", "h2", "h3", "h4", "h5", "h6", "address", "body", "html", "center"}


@dataclass(frozen=True)
class Line:
    """One line of a capture, with what its markup said about it (if it had any)."""

    text: str
    heading: bool = False
    figure: bool = False
    original: str = ""  # original image address, for figures
    headline: bool = False  # an <h1>
    cells: tuple[str, ...] = ()  # a table row's cells
    boxed: bool = False  # inside a box the page sets apart: a promotion, a related list, comments, a footer
    source: tuple[int, ...] = ()  # the capture's lines it holds (see ``audit.py``)
    part: int = 0  # which piece of a line split in two
    at: int = 0  # HTML: the line of the file its element starts on


@dataclass(frozen=True)
class PageMeta:
    """What an HTML page's metadata says; empty for text captures."""

    title: str = ""
    published: str = ""  # YYYY-MM-DD, as the page's own clock wrote it
    authors: tuple[str, ...] = ()
    site: str = ""
    language: str = ""


def looks_like_html(text: str) -> bool:
    return len(_HTML_HINT.findall(text)) >= 2


def read_html(text: str) -> tuple[list[Line], PageMeta]:
    soup = BeautifulSoup(text, "html.parser")
    meta = page_meta(soup)
    return html_to_lines(soup), meta


def html_to_lines(soup: BeautifulSoup) -> list[Line]:
    lines: list[Line] = []
    buffer: list[str] = []
    boxed = [False]  # whether the element being read is inside a box (see ``_box``)
    body = soup.find("body") or soup
    page_length = len(body.get_text(" ", strip=True))

    starts: list[int] = []  # the file line of each string in the buffer
    position = [1]  # the file line of the last element met

    def flush() -> None:
        joined = re.sub(r"\s+", " ", "".join(buffer)).strip()
        buffer.clear()
        if joined:
            add(Line(joined))
        starts.clear()

    def add(line: Line) -> None:
        at = line.at or next(iter(starts), position[0])
        lines.append(replace(line, boxed=boxed[-1], source=(len(lines) + 1,), at=at))

    def finish(name: str) -> None:  # a block element's end
        text_of_block = re.sub(r"\s+", " ", "".join(buffer)).strip()
        if name in {"h1", "h2", "h3", "h4", "h5", "h6"} and text_of_block:
            buffer.clear()
            add(Line(text_of_block, heading=name != "h1", headline=name == "h1"))
            starts.clear()
        flush()
        boxed.pop()

    def walk(root: Tag) -> None:  # iterative: a page's nesting may be deeper than Python's recursion limit
        stack: list[tuple[object, str | None]] = [(iter(root.children), None)]
        while stack:
            children, block = stack[-1]
            child = next(children, None)
            if child is None:
                stack.pop()
                if block is not None:
                    finish(block)
                continue
            if isinstance(child, (Comment, Doctype, Declaration, ProcessingInstruction)):
                continue
            if isinstance(child, NavigableString):
                if child.strip():
                    starts.append(getattr(child.parent, "sourceline", None) or position[0])
                buffer.append(str(child))
                continue
            if not isinstance(child, Tag):
                continue
            name = child.name.lower()
            position[0] = child.sourceline or position[0]
            if name in _DROP or _hidden(child):
                if name not in {"span", "strong", "em", "b", "i", "a"}:
                    flush()
                continue
            if name == "figure" or (name == "img" and child.get("alt")):
                flush()
                figure = _figure(child)
                if figure is not None:
                    add(replace(figure, at=position[0]))
                continue
            if name == "tr" and _data_row(child):
                flush()
                cells = tuple(re.sub(r"\s+", " ", cell.get_text(" ")).strip() for cell in child.find_all(["td", "th"]))
                if any(cells):
                    add(Line(" | ".join(cells), cells=cells, at=position[0]))
                continue
            if name in _BLOCK:
                flush()
                boxed.append(boxed[-1] or _box(child, page_length))
                stack.append((iter(child.children), name))
            else:
                stack.append((iter(child.children), None))

    walk(soup)
    flush()
    return lines


# What a page calls the boxes it sets apart from the article, in class and id names, roles
# and labels: promotions, advertising, related and most-read lists, comments, sharing, footers.
_BOX_WORDS = {"newsletter", "promo", "promotion", "ad", "ads", "advert", "advertisement", "cookie", "consent",
              "related", "comment", "comments", "cmt", "reply", "share", "sns", "social", "ranking", "popular",
              "most", "footer", "subscribe", "subscription", "recommend", "recommended", "outbrain", "taboola",
              "sidebar", "trending", "readnext", "reaction", "discussion", "onetrust"}
_BOX_ROLES = {"complementary", "contentinfo", "navigation", "dialog", "alertdialog"}


_ROW_BLOCKS = ["p", "div", "table", "ul", "ol", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "article", "section"]


def _data_row(row: Tag) -> bool:
    """A row of a table of data: two cells or more, holding no paragraphs, lists or tables of
    their own (a page laid out in a table is read as text, cell by cell)."""
    cells = row.find_all(["td", "th"], recursive=False)
    return len(cells) >= 2 and not any(cell.find(_ROW_BLOCKS) for cell in cells)


def _box(tag: Tag, page_length: int) -> bool:
    """An element the page sets apart from the article (``<aside>``, ``<footer>``, ``<nav>``,
    or one whose class or id names a promotion, a related list, comments...). One that holds
    the headline or the article (``<h1>``, ``<article>``, ``articleBody``), or 40% of the
    page's text, is a layout wrapper whatever its name, never a box."""
    names = " ".join([*(tag.get("class") or ()), tag.get("id") or "", tag.get("data-component") or "",
                      tag.get("data-testid") or "", tag.get("aria-label") or ""])
    names = re.sub(r"\b(?:no|non)[-_]\w+|\w+[-_]free\b", " ", names)  # "ad-free", "no-ads": not a box
    words = {word.lower() for word in re.split(r"[\W_]+|(?<=[a-z])(?=[A-Z])", names) if word}
    if not (tag.name in ("aside", "footer", "nav") or tag.get("role") in _BOX_ROLES or words & _BOX_WORDS):
        return False
    if tag.find(["h1", "article"]) or tag.find(attrs={"itemprop": "articleBody"}):
        return False
    return len(tag.get_text(" ", strip=True)) < 0.4 * page_length


# Classes that sites give to text only a screen reader speaks: ", opens new tab", "댓글".
_SCREEN_READER_ONLY = {"visually-hidden", "sr-only", "screen-reader-text", "screen_out", "blind", "a11y-hidden",
                       "offscreen", "hide", "hidden"}


def _hidden(tag: Tag) -> bool:
    style = (tag.get("style") or "").replace(" ", "").lower()
    return ("display:none" in style or "visibility:hidden" in style or tag.has_attr("hidden")
            or tag.get("aria-hidden") == "true" or not _SCREEN_READER_ONLY.isdisjoint(tag.get("class") or ()))


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
    if caption_tag is not None:
        for hidden in caption_tag.find_all(lambda element: element.name in _DROP or _hidden(element)):
            hidden.decompose()
    caption = caption_tag.get_text(" ") if caption_tag else (images[0].get("alt", "") if images else "")
    caption = re.sub(r"\s+", " ", caption).strip()
    if not caption and not original:
        return None
    return Line(caption, figure=True, original=original)


def page_meta(soup: BeautifulSoup) -> PageMeta:
    tags: dict[str, list[str]] = {}
    for tag in soup.find_all("meta"):
        key = (tag.get("property") or tag.get("name") or tag.get("itemprop") or "").strip().lower()
        value = re.sub(r"\s+", " ", tag.get("content") or "").strip()
        if key and value:
            tags.setdefault(key, []).append(value)
    linked = _json_ld(soup)

    def first(*keys: str) -> str:
        return next((tags[key][0] for key in keys if key in tags), "")

    title = first("og:title", "twitter:title") or _text(linked.get("headline"))
    if not title and soup.title:
        parts = re.split(r"\s+[|:–—-]\s+", soup.title.get_text(" ").strip())
        title = max(parts, key=len) if parts else ""
    time_tag = soup.find("time", attrs={"datetime": True})
    published = (first("article:published_time", "datepublished", "pubdate", "date") or _text(linked.get("datePublished"))
                 or (time_tag["datetime"] if time_tag else ""))
    found = re.match(r"((?:19|20)\d{2})-?(\d{2})-?(\d{2})", published.strip())
    authors = [name for value in tags.get("author", []) + tags.get("article:author", []) + _names_of(linked.get("author"))
               if not re.match(r"https?://", value) for name in re.split(r"\s*(?:,|;|\band\b)\s*", value) if name]
    html = soup.find("html")
    return PageMeta(
        title=title,
        published="-".join(found.groups()) if found else "",
        authors=tuple(dict.fromkeys(authors)),
        site=first("og:site_name", "application-name") or _text((linked.get("publisher") or {}).get("name")
                                                                  if isinstance(linked.get("publisher"), dict) else ""),
        language=(html.get("lang") or "").split("-")[0].lower() if html else "",
    )


def _json_ld(soup: BeautifulSoup) -> dict:
    """The page's JSON-LD article object (NewsArticle, Article, ...), or {}."""
    for script in soup.find_all("script", attrs={"type": "application/ld+json"}):
        try:
            data = json.loads(script.string or "")
        except (ValueError, RecursionError):
            continue
        stack = [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                kind = item.get("@type")
                kinds = kind if isinstance(kind, list) else [kind]
                if any(isinstance(k, str) and k.endswith("Article") for k in kinds):
                    return item
                graph = item.get("@graph")
                stack.extend(graph if isinstance(graph, list) else [graph] if isinstance(graph, dict) else [])
    return {}


def _names_of(value) -> list[str]:
    items = value if isinstance(value, list) else [value] if value else []
    return [_text(item.get("name")) if isinstance(item, dict) else _text(item) for item in items]


def _text(value) -> str:
    return re.sub(r"\s+", " ", value).strip() if isinstance(value, str) else ""
