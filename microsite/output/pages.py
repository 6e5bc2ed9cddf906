"""Pages, known before they are rendered: each page kind (``kinds``) says which pages it
has — address, file, share image, the values its view needs — and what each is made
from, as a key: a page whose key is as before need not be rendered again. ``render``
turns a planned page into its HTML with the kind's view and template.

Links are relative to each page (``root``), so the site works under any subpath and
from disk; ``base_url`` makes canonical addresses."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..cache import digest

if TYPE_CHECKING:
    from .site import Site


@dataclass(frozen=True)
class PageKind:
    """One kind of page: its template, how to list its pages, and its view (the values the
    template shows, and the page's title and description)."""

    name: str
    template: str
    pages: Callable[["Site"], list["Planned"]]
    view: Callable[..., dict]  # view(site, *planned.args) -> values, with "page": {title, description, …}
    heavy: bool = False  # grows with the archive: rendered first, so the big ones do not end a build alone


@dataclass(frozen=True)
class Planned:
    kind: PageKind
    url: str  # site-relative address, e.g. "reports/x/"
    path: str  # its file in the site
    card: str  # its own share image, or "" when it shares another page's (shared_card)
    shared_card: str  # the address of the page whose image it shares
    args: tuple  # what the view needs
    key: str  # a hash of everything the page is made from


def plan(kind: PageKind, site: "Site", url: str, args: tuple, inputs: tuple, *, path: str = "",
         shares_card_of: str | None = None) -> Planned:
    """A page of *kind* at *url*; *inputs*: what its view reads (report and entity digests,
    the registry's, the chronology's…), which with the template and the site's settings
    make its key."""
    key = digest(kind.name, url, site.digest, site.templates.digest(kind.template), *inputs)
    own = shares_card_of is None
    return Planned(kind, url, path or f"{url}index.html", card_path(url) if own else "",
                   "" if own else shares_card_of, args, key)


def card_path(url: str) -> str:
    """The share image of the page at *url*."""
    return f"share/{url.strip('/').replace('/', '-') or 'home'}.jpg"


def render(site: "Site", planned: Planned) -> tuple[str, tuple[str, str] | None]:
    """The page's HTML, and its card's (title, subtitle) when it has its own."""
    values = planned.kind.view(site, *planned.args)
    page = values.pop("page")
    url, config = planned.url, site.config
    at_any_address = planned.path == "404.html"  # served at every missing address: links from the base path
    depth = url.count("/")
    root = config.base_path if at_any_address else ("../" * depth if depth else "./")
    absolute = config.base_url.startswith("http")
    image = planned.card or card_path(planned.shared_card)
    meta = {"kind": planned.kind.name, "slug": page.get("slug", ""), "title": page["title"],
            "description": page["description"], "language": page.get("language", config.language),
            "canonical": config.base_url + url if absolute and not at_any_address else "",
            "image": config.base_url + image if absolute else "",
            "og_type": "article" if planned.kind.name == "report" else "website"}
    html = site.templates.render(planned.kind.template, site=site.facts, page=meta, root=root, **values)
    return html, ((page["title"], page.get("subtitle", "")) if planned.card else None)


@dataclass(frozen=True)
class Pager:
    """Which page of a list is being rendered. Lists that grow with the archive are split
    into pages of at most *per_page* entries, so no page grows with the corpus."""

    first: str  # the first page's address
    number: int
    count: int
    per_page: int

    @property
    def url(self) -> str:
        return page_url(self.first, self.number)

    @property
    def first_entry(self) -> int:
        return (self.number - 1) * self.per_page

    def slice(self, entries):
        return entries[self.first_entry:self.first_entry + self.per_page]

    def view(self, spans: Sequence[str] = ()) -> dict | None:
        """What the pager template shows: None for a one-page list; the first, the last and
        the pages next to this one, with None for a gap; each named by its span when the
        list has *spans* (``page_spans``)."""
        if self.count == 1:
            return None
        shown = sorted({1, self.count, *range(max(1, self.number - 2), min(self.count, self.number + 2) + 1)})
        pages: list[dict | None] = []
        for number in shown:
            if pages and number - pages[-1]["number"] > 1:
                pages.append(None)
            pages.append({"number": number, "url": page_url(self.first, number), "current": number == self.number})
            if spans:
                pages[-1]["span"] = spans[number - 1]
        view = {"number": self.number, "count": self.count, "pages": pages,
                "previous": page_url(self.first, self.number - 1) if self.number > 1 else "",
                "next": page_url(self.first, self.number + 1) if self.number < self.count else ""}
        if spans:
            view["previous_span"] = spans[self.number - 2] if self.number > 1 else ""
            view["next_span"] = spans[self.number] if self.number < self.count else ""
        return view


def page_spans(count: int, per_page: int, label: Callable[[int], str]) -> list[str]:
    """What each page of a list of *count* entries spans, from its first entry's *label(n)*
    to its last's ("2023년 7월 – 2024년 3월"): the pager shows it under each page's number."""
    spans = []
    for start in range(0, count, per_page):
        first, last = label(start), label(min(start + per_page, count) - 1)
        spans.append(first if first == last else f"{first} – {last}")
    return spans or [""]


def page_url(first: str, number: int) -> str:
    """The address of a list's page: the first page's, then "<first>2/", …; the home
    page's later pages are "page/2/", …"""
    if number == 1:
        return first
    return f"{first or 'page/'}{number}/"


def paged(kind: PageKind, site: "Site", first: str, entries: int, per_page: int, args: tuple,
          inputs: Callable[[Pager], tuple]) -> list[Planned]:
    """The pages of a list of *entries*; later pages share the first page's card.
    *inputs(pager)*: what that page of the list is made from (its entries, mostly)."""
    count = max(1, -(-entries // per_page))
    pagers = [Pager(first, number, count, per_page) for number in range(1, count + 1)]
    return [plan(kind, site, pager.url, (*args, pager), inputs(pager), shares_card_of=None if pager.number == 1 else first)
            for pager in pagers]
