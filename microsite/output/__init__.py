"""Output: every file the site holds, each with a key (a hash of what it is made from)
and the way to make it — pages of every kind (``kinds``, ``views``, ``pages``, through
the author's ``templates``, bodies by ``markdown``), their share images (``cards``), the
data exports (``exports``), discovery files (``feeds``), the raw captures, the assets and
the file:// search index. The service worker (``worker``) and the search bundle come
after, from the files written (see ``pipeline``)."""
from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..cache import digest
from ..errors import UserError
from ..files import project_files
from .cards import share_image
from .citation import FORMATS as CITATION_FORMATS
from .citation import files as citation_files
from .exports import SCHEMA_PATH, ReportFacts, chronology_csv, chronology_json, entities_json, event_records, timeline_json
from .feeds import atom_feed, robots_txt, sitemap_xml
from .kinds import KINDS
from .pages import Planned, render
from .site import Site, raw_path, report_url
from .views.chronology import chronology_files
from .views.entities import entity_files
from .views.lists import home_files

Bytes = bytes | Iterable[bytes]


@dataclass(frozen=True)
class SiteFile:
    path: str  # inside the site
    key: str  # a hash of what it is made from: equal keys, equal bytes
    make: Callable[[], Bytes]
    page: Planned | None = None  # when the file is a page
    card_of: Planned | None = None  # when the file is a page's share image


def planned_pages(site: Site) -> list[Planned]:
    """Every page of every kind; an author's page whose address another page has is refused."""
    pages, taken = [], {}
    for kind in KINDS:
        for planned in kind.pages(kind, site):
            if planned.path in taken:
                page = next((p for p in (planned, taken[planned.path]) if p.kind.name == "page"), None)
                if page is None:
                    raise RuntimeError(f"two pages at {planned.url}: {taken[planned.path].kind.name} and {planned.kind.name}")
                source = page.args[0]
                raise UserError(source.path, source.line("slug"), f"slug '{source.slug}' is taken by a section of the site; "
                                                                  "choose another")
            taken[planned.path] = planned
            pages.append(planned)
    return pages


def site_files(site: Site, pages: list[Planned]) -> list[SiteFile]:
    """Every file of the site but the service worker and the search bundle: pages (heavy
    kinds first), their cards (for a site with an absolute address, which pages name them
    by: drawing a thousand of them is a third of a cold build), data exports, discovery
    files, raw captures, assets."""
    files = [SiteFile(planned.path, planned.key, lambda planned=planned: render(site, planned)[0].encode("utf-8"), planned)
             for planned in sorted(pages, key=lambda planned: not planned.kind.heavy)]
    if site.config.base_url.startswith("http"):  # a share image is named by an absolute address, or not at all
        files += [SiteFile(planned.card, digest("card", planned.key, site.config.title),
                           lambda planned=planned: card_bytes(site, planned), card_of=planned) for planned in pages if planned.card]
    return files + _data_files(site, pages) + _copies(site)


def card_bytes(site: Site, planned: Planned, text: tuple[str, str] | None = None) -> bytes:
    """A page's share image, for its (title, subtitle) *text* as its render gave it (its
    view is asked again without); from the image cache when drawn before."""
    if text is None:
        page = planned.kind.view(site, *planned.args)["page"]
        text = page["title"], page.get("subtitle", "")
    return share_image(*text, site.config.title, site.config.root / ".cache" / "share-images")


def _data_files(site: Site, pages: list[Planned]) -> list[SiteFile]:
    model, config, lang = site.model, site.config, site.lang
    reports, base = model.corpus.reports, config.base_url
    facts = {report.slug: ReportFacts(report.title, report.outlet, report.published, f"../{report_url(report)}")
             for report in reports}
    chronology = (site.chronology_digest, sorted((slug, tuple(vars(f).values())) for slug, f in facts.items()))
    urls = sorted(planned.url for planned in pages if planned.path != "404.html")
    records = functools.cache(lambda: event_records(model.chronology, lang, facts))
    citations = functools.cache(lambda: citation_files([site.citation(report) for report in reports]))
    made = [
        ("data/entities.json", (model.registry_key, site.mentions_digest, [r.slug for r in reports]),
         lambda: entities_json(model.index)),
        ("data/chronology.json", chronology, lambda: chronology_json(records())),
        ("data/chronology.csv", chronology, lambda: chronology_csv(records())),
        ("data/chronology.schema.json", (SCHEMA_PATH.read_bytes(),), SCHEMA_PATH.read_bytes),
        ("data/timeline.json", chronology, lambda: timeline_json(records(), config.title, config.description, lang)),
        *((f"data/citations.{extension}", (site.reports_digest,), lambda n=n: citations()[n]["text"].encode("utf-8"))
          for n, (_, extension, _) in enumerate(CITATION_FORMATS)),  # every report's citation, for reference managers
        ("sitemap.xml", (urls,), lambda: sitemap_xml(base, urls)),
        ("robots.txt", (), lambda: robots_txt(base)),
        ("feed.xml", (site.reports_digest,), lambda: atom_feed(base, config.title, config.description, reports, report_url)),
        *chronology_files(site),  # what the chronology's filters read
        *home_files(site),  # and the home page's
        *entity_files(site),  # and the entities'
    ]
    return [SiteFile(path, digest(path, site.digest, *inputs), make) for path, inputs, make in made]


def _copies(site: Site) -> list[SiteFile]:
    """The raw captures (byte for byte), the assets and ``.nojekyll``."""
    files = [SiteFile(raw_path(report), digest(site.file_digest(report.source)),
                      lambda report=report: site.seed_bytes(report)) for report in site.model.corpus.reports]
    root, assets = site.config.root, site.config.assets
    for path in project_files(assets, "**/*", root):
        rel = path.relative_to(root).as_posix()
        files.append(SiteFile(f"assets/{path.relative_to(assets).as_posix()}", digest(site.file_digest(rel)),
                              lambda path=path: path.read_bytes()))
    return files + [SiteFile(".nojekyll", "", lambda: b"")]


__all__ = ["KINDS", "Planned", "Site", "SiteFile", "card_bytes", "planned_pages", "render", "site_files"]
