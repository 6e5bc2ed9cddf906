"""What lets people and machines find the site: sitemap.xml, robots.txt and an Atom feed
of reports. Addresses are absolute when ``base_url`` is (as when publishing), else they
are paths under the base."""
from __future__ import annotations

import uuid
from xml.sax.saxutils import escape, quoteattr

from ..content import Report
from ..when import parse_published

_NAMESPACE = uuid.UUID("6f6e6c79-7265-706f-7274-732d6d696372")  # fixed, so entry ids stay stable


def sitemap_xml(base_url: str, urls: list[str]) -> bytes:
    entries = "".join(f"  <url><loc>{escape(base_url + url)}</loc></url>\n" for url in sorted(urls))
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
            f"{entries}</urlset>\n").encode("utf-8")


def robots_txt(base_url: str) -> bytes:
    lines = ["User-agent: *", "Allow: /"]
    if base_url.startswith("http"):
        lines.append(f"Sitemap: {base_url}sitemap.xml")
    return ("\n".join(lines) + "\n").encode("utf-8")


def _timestamp(published: str) -> str:
    parsed = parse_published(published) if published else None
    if parsed is None:
        return "1970-01-01T00:00:00Z"
    y, m, d = parsed
    return f"{y:04d}-{m:02d}-{d or 1:02d}T00:00:00Z"


def atom_feed(base_url: str, title: str, description: str, reports: tuple[Report, ...], url_of) -> bytes:
    """Reports, newest first. Entry ids are UUIDs derived from the slug: stable wherever the site moves."""
    updated = max((_timestamp(r.published) for r in reports), default="1970-01-01T00:00:00Z")
    entries = []
    for report in reports:
        link = base_url + url_of(report)
        authors = "".join(f"<author><name>{escape(name)}</name></author>" for name in report.authors) or \
            f"<author><name>{escape(report.outlet or title)}</name></author>"
        summary = " / ".join(report.deck) or report.summary or report.title
        entries.append(
            f"  <entry>\n    <id>urn:uuid:{uuid.uuid5(_NAMESPACE, report.slug)}</id>\n"
            f"    <title>{escape(report.title)}</title>\n    <link rel=\"alternate\" href={quoteattr(link)}/>\n"
            f"    <updated>{_timestamp(report.published)}</updated>\n    {authors}\n"
            f"    <summary>{escape(summary)}</summary>\n    <rights>{escape(report.rights)}</rights>\n  </entry>\n")
    base = f' xml:base={quoteattr(base_url)}' if base_url.startswith("http") else ""
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ko"{base}>\n'
            f"  <id>urn:uuid:{uuid.uuid5(_NAMESPACE, title)}</id>\n  <title>{escape(title)}</title>\n"
            f"  <subtitle>{escape(description)}</subtitle>\n  <updated>{updated}</updated>\n"
            f'  <link rel="self" href={quoteattr(base_url + "feed.xml")}/>\n  <link rel="alternate" href={quoteattr(base_url)}/>\n'
            + "".join(entries) + "</feed>\n").encode("utf-8")
