"""Compose a report page — YAML front matter and a Markdown body — from what the text
says (``normalize.extract``) and what the researcher's manifest adds.

The cascade, lowest to highest: text evidence < manifest < human edits. The manifest
exists to fill in and correct the text, so a value it states wins; a human edit to the
page wins over both because normalization never overwrites an edited page (``pages.py``).
Every field records where it came from in ``provenance``.
"""
from __future__ import annotations

import re
import shlex
from dataclasses import dataclass
from pathlib import PurePosixPath

from ..lang import language
from ..when import parse_published
from .manifest import SourceEntry
from .normalize import Block, DateEvidence, Extracted


@dataclass(frozen=True)
class Draft:
    front: dict
    body: str
    warnings: tuple[str, ...]


def derive_slug(seed_name: str, sha256: str) -> str:
    """A stable ASCII slug from a seed's file name, for seeds the manifest does not name;
    a name with no ASCII letters or digits (한겨레_기사.txt) gets its content hash instead."""
    stem = PurePosixPath(seed_name).stem.lower()
    slug = re.sub(r"[^a-z0-9]+", "-", stem).strip("-")
    return slug or f"report-{sha256[:10]}"


def compose(extracted: Extracted, entry: SourceEntry | None, seed_rel: str, sha256: str) -> Draft:
    manifest = entry.values if entry else {}
    warnings: list[str] = []
    provenance: dict[str, str] = {}

    def pick(key: str, text_value, missing: str | None = None):
        if key in manifest:  # the text still counts as the source when it says the same
            provenance[key] = "text" if text_value and _same_value(manifest[key], text_value) else "manifest"
            return manifest[key]
        if text_value:
            provenance[key] = "text"
            return text_value
        if missing:
            warnings.append(missing)
        return text_value

    title = pick("title", extracted.title)
    if provenance.get("title") == "text" and extracted.title_guessed:
        provenance["title"] = "guessed"
    if not title:
        title = _first_words(extracted)
        provenance["title"] = "derived"
        warnings.append(f"no headline in the text or the manifest; title derived from the first sentence: {title!r}")
    slug = manifest.get("slug") or derive_slug(PurePosixPath(seed_rel).name, sha256)
    provenance["slug"] = "manifest" if "slug" in manifest else "derived"
    if "outlet" in manifest and extracted.outlet and not _same_name(manifest["outlet"], extracted.outlet):
        warnings.append(f"manifest outlet {manifest['outlet']!r} overrides the text's {extracted.outlet!r}")
    outlet = pick("outlet", extracted.outlet, "no outlet in the text or the manifest; left empty")
    published = _published(extracted.dates, manifest, provenance, warnings)
    authors = list(pick("authors", list(extracted.authors), "no byline in the text or the manifest; authors left empty"))
    cites = list(pick("cites", list(extracted.cites)))
    rights = pick("rights", extracted.rights, "no rights notice in the text or the manifest; rights left empty")

    front: dict = {"title": title, "slug": slug, "outlet": outlet or "", "published": published}
    if manifest.get("published_estimated"):
        front["published_estimated"] = True
    front.update({
        "authors": authors,
        "source": seed_rel,
        "source_sha256": sha256,
        "language": extracted.language,
        "cites": cites,
        "rights": rights or "",
    })
    for key in ("deck", "dateline", "summary"):
        value = getattr(extracted, key)
        if value:
            front[key] = list(value) if isinstance(value, tuple) else value
            # A summary is what the portal printed above the article and the article repeats.
            provenance[key] = "portal" if key == "summary" else "text"
    if manifest.get("outlet_en"):
        front["outlet_en"] = manifest["outlet_en"]
        provenance["outlet_en"] = "manifest"
    if manifest.get("notes"):
        front["notes"] = manifest["notes"]
        provenance["notes"] = "manifest"
    for key in extracted.from_metadata:  # the page's metadata said it, its printed text did not
        if provenance.get(key) == "text":
            provenance[key] = "metadata"
    warnings.extend(extracted.doubts)
    provenance["source"] = provenance["source_sha256"] = "seed"
    provenance["language"] = "text"
    front["provenance"] = {key: provenance[key] for key in front if key in provenance}
    return Draft(front=front, body=body_markdown(extracted.blocks), warnings=tuple(warnings))


def _published(dates: tuple[DateEvidence, ...], manifest: dict, provenance: dict, warnings: list[str]) -> str:
    text_date = date_from_text(dates)
    if "published" in manifest:
        chosen = manifest["published"]
        if text_date and text_date != chosen:
            warnings.append(f"manifest date {chosen} overrides the text's {text_date}")
        provenance["published"] = "text" if text_date == chosen else "manifest"
        return chosen
    if text_date:
        provenance["published"] = "text"
        return text_date
    partial = next((d for d in dates if d.year is None and not d.updated), None)
    update = next((d for d in dates if d.updated), None)
    if update:
        warnings.append(f"the text gives only an update stamp ({update.source}): the report came out on or before "
                        "it; add 'published' to the manifest")
    elif partial:
        warnings.append(f"the text gives only month and day ({partial.source}); add 'published' to the manifest")
    else:
        warnings.append("no publication date in the text or the manifest; left empty")
    return ""


def date_from_text(dates: tuple[DateEvidence, ...]) -> str:
    """The publication date the capture states: a dated stamp line first; a month-day stamp
    completed by a dated image address with the same month and day; else none. An update
    stamp only bounds it (published on or before), so it never gives it."""
    dates = tuple(d for d in dates if not d.updated)
    full = [d for d in dates if d.year is not None and parse_published(f"{d.year:04d}-{d.month:02d}-{d.day:02d}")]
    stamped = [d for d in full if d.stamped]
    for candidate in stamped or [d for d in full if not d.source.startswith("image address")]:
        return f"{candidate.year:04d}-{candidate.month:02d}-{candidate.day:02d}"
    for partial in (d for d in dates if d.year is None):
        for other in full:
            if (other.month, other.day) == (partial.month, partial.day):
                return f"{other.year:04d}-{other.month:02d}-{other.day:02d}"
    return ""


def _same_value(a, b) -> bool:
    return _same_name(a, b) if isinstance(a, str) and isinstance(b, str) else a == b


def _same_name(a: str, b: str) -> bool:
    a, b = re.sub(r"\s+", "", a), re.sub(r"\s+", "", b)
    return a in b or b in a


def _first_words(extracted: Extracted) -> str:
    first = next((b.text for b in extracted.blocks if b.kind == "paragraph"), "")
    return language(extracted.language).first_sentence(first, 60)


_ESCAPE = re.compile(r"([\\`*_\[\]<>|~]|&(?=#?\w+;))")
_ORDERED = re.compile(r"^(\d{1,9})(?=[.)](\s|$))")
_BLOCK_START = re.compile(r"^(#{1,6}(\s|$)|[>+=-]|:::)")


def escape_markdown(text: str) -> str:
    """Make plain text read as itself in CommonMark (no accidental emphasis, lists, HTML)."""
    text = _ESCAPE.sub(r"\\\1", text)
    if _ORDERED.match(text):
        return _ORDERED.sub(r"\1\\", text, count=1)
    return "\\" + text if _BLOCK_START.match(text) else text


def body_markdown(blocks: tuple[Block, ...]) -> str:
    parts: list[str] = []
    previous = ""
    for block in blocks:
        kind = f"row of {block.text.count(' | ') + 1}" if block.kind == "row" else block.kind
        if block.kind == "heading":
            parts.append("## " + escape_markdown(block.text))
        elif block.kind in ("item", "row") and previous == kind:
            parts[-1] += "\n" + _line_of(block)  # one list; one table, as long as its rows have as many cells
        elif block.kind in ("item", "row", "quote"):
            parts.append(_line_of(block, header=True))
        elif block.kind == "figure":
            attributes = "".join(f" {key}={shlex.quote(value)}" for key, value in
                                 (("credit", block.credit), ("original", block.original)) if value)
            parts.append(f"::: figure{attributes}\n{escape_markdown(block.text)}\n:::")
        else:
            parts.append(escape_markdown(block.text))
        previous = kind
    return "\n\n".join(parts) + "\n"


def _line_of(block: Block, header: bool = False) -> str:
    """A list item, a table row (the first one followed by the header rule), or a quotation."""
    if block.kind == "item":
        return ("1. " if block.ordered else "- ") + escape_markdown(block.text)
    if block.kind == "quote":
        return "> " + escape_markdown(block.text)
    cells = [escape_markdown(cell).replace("|", "\\|") for cell in block.text.split(" | ")]
    row = "| " + " | ".join(cells) + " |"
    return row + "\n|" + "---|" * len(cells) if header else row
