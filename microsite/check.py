"""Check a built site: every internal ``href``/``src`` resolves to a file, every
``#anchor`` exists, every page is reachable from the home page. External links are
listed, never fetched."""
from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup


@dataclass
class CheckReport:
    pages: int = 0
    links: int = 0
    anchors: int = 0
    external: set[str] = field(default_factory=set)
    problems: list[str] = field(default_factory=list)


def check_site(site: Path) -> CheckReport:
    report = CheckReport()
    pages = {p.relative_to(site).as_posix(): p for p in sorted(site.rglob("*.html")) if "pagefind" not in p.parts}
    soups = {name: BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser") for name, path in pages.items()}
    ids = {name: {tag["id"] for tag in soup.find_all(id=True)} for name, soup in soups.items()}
    links: dict[str, set[str]] = {}
    for name, soup in soups.items():
        links[name] = set()
        for tag in soup.find_all(["a", "link", "script", "img", "source", "iframe"]):
            for attribute in ("href", "src", "srcset"):
                for value in _urls(tag.get(attribute), attribute):
                    report.links += 1
                    target = _resolve(name, value, site, pages, ids, report)
                    if target:
                        links[name].add(target)
    report.pages = len(pages)
    reachable, queue = {"index.html"}, ["index.html"]
    while queue:
        for target in links.get(queue.pop(), ()):
            if target in pages and target not in reachable:
                reachable.add(target)
                queue.append(target)
    for name in sorted(set(pages) - reachable - {"404.html"}):
        report.problems.append(f"{name}: not reachable from the home page")
    return report


def _urls(value, attribute: str) -> list[str]:
    if not value:
        return []
    if attribute == "srcset":
        return [part.strip().split(" ")[0] for part in value.split(",") if part.strip()]
    return [value]


def _resolve(page: str, url: str, site: Path, pages: dict, ids: dict, report: CheckReport) -> str | None:
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        if parts.scheme in ("http", "https"):
            report.external.add(url)
        return None
    if not parts.path:  # "#anchor" on the same page
        target = page
    else:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(parts.path)))
        if target.startswith("../") or target == "..":
            report.problems.append(f"{page}: broken link → {url} (leaves the site)")
            return None
        if parts.path.endswith("/") or (site / target).is_dir():
            target = posixpath.join(target, "index.html") if target != "." else "index.html"
        if not (site / target).is_file():
            report.problems.append(f"{page}: broken link → {url}")
            return None
    if parts.fragment:
        report.anchors += 1
        if target in pages and parts.fragment not in ids.get(target, set()):
            report.problems.append(f"{page}: broken link → {url} (no #{parts.fragment} there)")
    return target
