"""A report as a citation: one CSL-JSON item (``csl_item``), and everything else written
from it — references in three styles, BibTeX, RIS, the Highwire Press ``citation_*``
meta tags reference managers read (Zotero's "Embedded Metadata") and schema.org
``NewsArticle`` JSON-LD.

Nothing is made up: a report without authors, date or outlet cites without them, and
the address is given only when the site's is absolute (a local build's pages have none
known at build time). Korean names have no given/family split a program may guess, so
every author is a literal name (CSL ``literal``, braced whole in BibTeX)."""
from __future__ import annotations

import json
from html import escape

from ..content import Report
from ..when import parse_published

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


def csl_item(report: Report, url: str) -> dict:
    """The report as a CSL-JSON item (type ``article-newspaper``); *url*: its page's
    absolute address, or "" when unknown. An estimated date is marked ``circa``."""
    item: dict = {"id": report.slug, "type": "article-newspaper", "title": report.title}
    if report.authors:
        item["author"] = [{"literal": name} for name in report.authors]
    parsed = parse_published(report.published)
    if parsed:
        item["issued"] = {"date-parts": [[part for part in parsed if part is not None]]}
        if report.published_estimated:
            item["issued"]["circa"] = True
    if report.outlet:
        item["container-title"] = report.outlet
    if report.language:
        item["language"] = report.language
    if url:
        item["URL"] = url
    return item


def _date_parts(item: dict) -> list[int]:
    """[year, month] or [year, month, day]; [] when the date is unknown."""
    return item["issued"]["date-parts"][0] if "issued" in item else []


def _numeric(parts: list[int], separator: str) -> str:
    """The date in figures at its precision: "2024-08-26", "2024/08"."""
    return separator.join([str(parts[0]), *(f"{part:02d}" for part in parts[1:])])


def _authors(item: dict) -> list[str]:
    return [name["literal"] for name in item.get("author", ())]


class _Em(str):
    """A part of a reference set in italics."""


def _sentence(text: str) -> str:
    """*text* closed by a full stop, unless it ends with one or with ? or !."""
    return text if text.endswith((".", "?", "!")) else text + "."


def _listed(names: list[str], conjunction: str) -> str:
    """"A", "A, & B", "A, B, & C" (a comma before the conjunction, as APA and Chicago write it)."""
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + f", {conjunction} " + names[-1]


def _circa(item: dict) -> bool:
    return item.get("issued", {}).get("circa", False)


def apa(item: dict) -> list[str]:
    """APA 7, a newspaper article online: Author. (2024, August 26). Title. *Outlet*. URL
    (an estimated date as "ca. 2024, August 26", as CSL processors write it)."""
    parts = _date_parts(item)
    date = f"{parts[0]}, " + " ".join([MONTHS[parts[1] - 1], *map(str, parts[2:])]) if parts else "n.d."
    date = f"ca. {date}" if _circa(item) else date
    title = _sentence(item["title"])
    authors = _authors(item)
    out = [_sentence(_listed(authors, "&")) + " ", f"({date}). ", title] if authors else [title, f" ({date})."]
    if "container-title" in item:
        out += [" ", _Em(item["container-title"]), "."]
    return out + ([" ", item["URL"]] if "URL" in item else [])


def chicago(item: dict) -> list[str]:
    """Chicago 17, notes and bibliography, a bibliography entry for a newspaper article
    online: Author. “Title.” *Outlet*, August 26, 2024. URL. Unsigned, the outlet stands
    in for the author, as the Manual advises; an estimated date is bracketed with a
    question mark."""
    parts = _date_parts(item)
    if len(parts) == 3:
        date = f"{MONTHS[parts[1] - 1]} {parts[2]}, {parts[0]}"
    else:
        date = f"{MONTHS[parts[1] - 1]} {parts[0]}" if parts else "n.d."
    date = f"[{date}?]" if _circa(item) else date
    authors, outlet = _authors(item), item.get("container-title")
    out = [_sentence(_listed(authors, "and")) + " "] if authors else [_Em(outlet), ". "] if outlet else []
    out.append(f"“{_sentence(item['title'])}” ")
    out += [_Em(outlet), ", " + _sentence(date)] if outlet and authors else [_sentence(date)]
    return out + ([f" {item['URL']}."] if "URL" in item else [])


def kci(item: dict) -> list[str]:
    """As Korean journals indexed by the KCI cite a newspaper article:
    기자명, 「기사 제목」, 『매체명』, 2024.08.26, URL. (an estimated date: 2024.08.26(추정))."""
    fields = ["·".join(_authors(item))] if "author" in item else []
    fields.append(f"「{item['title']}」")
    if "container-title" in item:
        fields.append(f"『{item['container-title']}』")
    parts = _date_parts(item)
    if parts:
        fields.append(_numeric(parts, ".") + ("(추정)" if _circa(item) else ""))
    if "URL" in item:
        fields.append(item["URL"])
    return [", ".join(fields) + "."]


def rendered(parts: list[str]) -> dict:
    """A reference as plain text (to copy) and as HTML (its italics kept)."""
    return {"text": "".join(parts),
            "html": "".join(f"<i>{escape(part)}</i>" if isinstance(part, _Em) else escape(part) for part in parts)}


STYLES = (("apa", "APA 7", apa), ("chicago", "Chicago 17 (notes-bibliography)", chicago), ("kci", "KCI", kci))


def references(item: dict) -> list[dict]:
    """The item in every style: id, name, text and HTML."""
    return [{"id": style, "name": name, **rendered(write(item))} for style, name, write in STYLES]


_BIBTEX_SPECIAL = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "%": r"\%", "&": r"\&", "$": r"\$", "#": r"\#",
                   "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}


def _tex(text: str) -> str:
    return "".join(_BIBTEX_SPECIAL.get(char, char) for char in text)


def bibtex(item: dict) -> str:
    """One BibTeX entry: ``@article`` in the outlet's ``journal`` (as Zotero exports a
    newspaper article), ``@misc`` when the outlet is unknown. Names and the title are
    braced whole, so no parser splits a name or changes the title's case."""
    fields = []
    if "author" in item:
        fields.append(("author", " and ".join("{" + _tex(name) + "}" for name in _authors(item))))
    fields.append(("title", "{" + _tex(item["title"]) + "}"))
    if "container-title" in item:
        fields.append(("journal", _tex(item["container-title"])))
    parts = _date_parts(item)
    if parts:
        fields += [("year", str(parts[0])), ("month", str(parts[1])),
                   ("date", _numeric(parts, "-") + ("~" if _circa(item) else ""))]  # biblatex: ~ for circa
    if "language" in item:
        fields.append(("language", item["language"]))
    if "URL" in item:
        fields.append(("url", item["URL"]))
    kind = "article" if "container-title" in item else "misc"
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@{kind}{{{item['id']},\n{body}\n}}\n"


def ris(item: dict) -> str:
    """One RIS record of type NEWS (the outlet as ``T2``, as Zotero writes it)."""
    lines = [("TY", "NEWS"), *(("AU", name) for name in _authors(item)), ("TI", item["title"])]
    if "container-title" in item:
        lines.append(("T2", item["container-title"]))
    parts = _date_parts(item)
    if parts:
        lines += [("PY", str(parts[0])), ("DA", _numeric(parts, "/") + "/" * (4 - len(parts)))]  # YYYY/MM/DD/, YYYY/MM//
    if "language" in item:
        lines.append(("LA", item["language"]))
    if "URL" in item:
        lines.append(("UR", item["URL"]))
    lines += [("ID", item["id"]), ("ER", "")]
    return "".join(f"{tag}  - {value}\n" for tag, value in lines)


def csl_json(items: list[dict]) -> str:
    """A CSL-JSON array, an item a line."""
    return "[\n" + ",\n".join(json.dumps(item, ensure_ascii=False) for item in items) + "\n]\n"


FORMATS = (("BibTeX", "bib", "application/x-bibtex"), ("RIS", "ris", "application/x-research-info-systems"),
           ("CSL-JSON", "json", "application/vnd.citationstyles.csl+json"))  # name, file extension, media type


def files(items: list[dict]) -> list[dict]:
    """The items in each of the ``FORMATS`` reference managers import: format, extension, media type, text."""
    texts = ("\n".join(bibtex(item) for item in items), "\n".join(ris(item) for item in items), csl_json(items))
    return [{"format": name, "extension": extension, "type": media, "text": text}
            for (name, extension, media), text in zip(FORMATS, texts, strict=True)]



def highwire(item: dict) -> list[tuple[str, str]]:
    """The ``<meta name content>`` pairs reference managers read. Zotero takes a page with
    ``citation_title`` alone for a journal article; ``DC.type`` "newsItem" makes it a
    newspaper article, whose publication ``prism.publicationName`` names (without it
    Zotero would name the site). The date is written at the precision known (2024/08/26,
    2024/08)."""
    tags = [("citation_title", item["title"]), *(("citation_author", name) for name in _authors(item))]
    parts = _date_parts(item)
    if parts:
        tags.append(("citation_publication_date", _numeric(parts, "/")))
    if "container-title" in item:
        tags += [("citation_publisher", item["container-title"]), ("prism.publicationName", item["container-title"])]
    if "language" in item:
        tags.append(("citation_language", item["language"]))
    if "URL" in item:
        tags.append(("citation_public_url", item["URL"]))
    return tags + [("DC.type", "newsItem")]


def json_ld(item: dict, outlet_en: str = "") -> str:
    """schema.org ``NewsArticle``, ready to sit in a ``<script>`` element (``<``, ``>``
    and ``&`` escaped, so no text can close it)."""
    data: dict = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": item["title"]}
    if "author" in item:
        data["author"] = [{"@type": "Person", "name": name} for name in _authors(item)]
    parts = _date_parts(item)
    if parts:
        data["datePublished"] = _numeric(parts, "-")
    if "container-title" in item:
        data["publisher"] = {"@type": "NewsMediaOrganization", "name": item["container-title"],
                             **({"alternateName": outlet_en} if outlet_en else {})}
    if "language" in item:
        data["inLanguage"] = item["language"]
    if "URL" in item:
        data["url"] = data["mainEntityOfPage"] = item["URL"]
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
