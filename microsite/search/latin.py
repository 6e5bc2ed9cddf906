"""Spell Hangul in Latin letters for the search index, so that Pagefind splits it into
small chunks and a first search downloads kilobytes instead of megabytes.

Pagefind 1.5.2 stores Hangul decomposed into jamo and puts every Korean word of a site in
one index chunk, which a search must download whole (2 MB at 1,000 reports); 1.6 splits
Korean but loses results across chunks. Latin words chunk correctly in 1.5.2. So the
indexer reads a copy of each page in which every Hangul syllable is written as "q" plus
three letters, and a literal "q" as "qq". The mapping is per character, so a prefix of a
word stays a prefix of its code (Pagefind matches word prefixes), and it is reversible:
the search page encodes the query the same way and decodes titles and excerpts.
``assets/searchcode.js`` holds the same two functions; the tests check they agree.
"""
from __future__ import annotations

import re

FIRST = "abcdefghijklmnoprstuvwxyz"  # no "q": "qq" is a literal q
LETTERS = "abcdefghijklmnopqrstuvwxyz"
_CODE = re.compile(r"&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);|([qQ])([qQ]|[a-pr-z][a-z]{2})")
_META = re.compile(r'(data-pagefind-meta="[^":]*:)([^"]*)"')
_TAG = re.compile(r"(<[^>]*>)")
_JOIN = "\x00"


def _code(char: str) -> str:
    if char in "qQ":
        return char * 2
    number = ord(char) - 0xAC00
    return "q" + FIRST[number // 676] + LETTERS[number // 26 % 26] + LETTERS[number % 26]


_TABLE = {ord(char): _code(char) for char in [*map(chr, range(0xAC00, 0xD7A4)), "q", "Q"]}
_REFERENCE = re.compile(r"(&(?:[a-zA-Z]+|#\d+|#x[0-9a-fA-F]+);)")  # a character reference stays whole


def encode(text: str) -> str:
    return text.translate(_TABLE)


def _encode_text(html_text: str) -> str:
    if html_text.isascii() and "q" not in html_text and "Q" not in html_text:
        return html_text  # most text between tags: nothing to spell
    pieces = _REFERENCE.split(html_text)
    pieces[::2] = [piece.translate(_TABLE) for piece in pieces[::2]]
    return "".join(pieces)


def _decode_code(match: re.Match) -> str:
    if match.group(1) is None:  # an HTML entity such as &quot;, left alone
        return match.group(0)
    code = match.group(2)
    if code in "qQ":
        return code
    return chr(0xAC00 + FIRST.index(code[0]) * 676 + LETTERS.index(code[1]) * 26 + LETTERS.index(code[2]))


def decode(text: str) -> str:
    return _CODE.sub(_decode_code, text)


def encode_html(html: str) -> str:
    """The page as the indexer should read it: text and metadata values encoded; tags,
    filter values (shown as they are in the facets) and metadata names left alone. The
    text between the tags is encoded in one pass, joined by a character HTML text never
    holds (a page with one is encoded piece by piece)."""
    parts = _TAG.split(html)
    texts = parts[::2]
    parts[::2] = ([_encode_text(text) for text in texts] if _JOIN in html
                  else _encode_text(_JOIN.join(texts)).split(_JOIN))
    parts[1::2] = [_META.sub(_encoded_meta, tag) if "data-pagefind-meta" in tag else tag for tag in parts[1::2]]
    return "".join(parts)


def _encoded_meta(match: re.Match) -> str:
    return match.group(1) + _encode_text(match.group(2)) + '"'
