"""Publishing: the GitHub Pages workflow, discoverability files, the 404 page, the checks."""
from __future__ import annotations

import gzip
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import yaml
from bs4 import BeautifulSoup
from conftest import ROOT
from PIL import Image

ATOM = "{http://www.w3.org/2005/Atom}"


def test_pages_workflow_builds_checks_and_deploys_with_the_official_actions() -> None:
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8"))
    assert workflow[True]["push"]["branches"] == ["main"]  # YAML reads the key "on" as true
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    build_steps = workflow["jobs"]["build"]["steps"]
    uses = [step.get("uses", "").split("@")[0] for step in build_steps]
    assert "actions/configure-pages" in uses and "actions/upload-pages-artifact" in uses
    runs = "\n".join(step.get("run", "") for step in build_steps)
    assert 'python build.py --base-url "${{ steps.pages.outputs.base_url }}/"' in runs
    assert 'python build.py check --base-url "${{ steps.pages.outputs.base_url }}/"' in runs
    assert "pip install -e ." in runs and "npm ci" in runs
    cache = next(step for step in build_steps if step.get("uses", "").startswith("actions/cache@"))
    build_step = next(step for step in build_steps if step.get("run", "").startswith("python build.py --base-url"))
    assert cache["with"]["path"] == ".cache/share-images" and build_steps.index(cache) < build_steps.index(build_step)
    upload = next(step for step in build_steps if step.get("uses", "").startswith("actions/upload-pages-artifact"))
    assert upload["with"]["path"] == "site"
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build" and deploy["steps"][0]["uses"].startswith("actions/deploy-pages@")


def test_the_workflow_commands_pass_here(published_site: Path) -> None:
    """The same check the workflow runs, on the same kind of build."""
    project = published_site.parent
    result = subprocess.run([sys.executable, "build.py", "check", "--base-url", "https://example.github.io/repo/"],
                            cwd=project, capture_output=True, text=True, timeout=600,
                            env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "VNU_JAR": str(ROOT / "node_modules/vnu-jar/build/dist/vnu.jar")})
    assert result.returncode == 0, result.stderr
    assert "0 problem(s)" in result.stdout
    assert "HTML validation (Nu Html Checker): 0 error(s)" in result.stdout


def test_sitemap_robots_and_feed(published_site: Path) -> None:
    sitemap = ET.parse(published_site / "sitemap.xml").getroot()
    locations = [loc.text for loc in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert "https://example.github.io/repo/" in locations
    assert "https://example.github.io/repo/reports/hani-2024-07-ms-google-cloud-china/" in locations
    assert not any("404" in location for location in locations)
    assert "Sitemap: https://example.github.io/repo/sitemap.xml" in (published_site / "robots.txt").read_text()
    feed = ET.parse(published_site / "feed.xml").getroot()
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 5
    first = entries[0]
    assert first.find(f"{ATOM}title").text == "엔비디아 수출 규제에 中 빅테크, AI 개발 '해외 우회' 가속"
    assert first.find(f"{ATOM}link").get("href") == "https://example.github.io/repo/reports/zdnet-2025-11-offshore-ai-training/"
    assert first.find(f"{ATOM}updated").text == "2025-11-28T00:00:00Z"
    assert first.find(f"{ATOM}id").text.startswith("urn:uuid:")


def test_pages_carry_canonical_and_card_metadata_with_a_share_image(published_site: Path) -> None:
    page = BeautifulSoup((published_site / "reports" / "dt-2024-08-overseas-cloud-h100" / "index.html").read_text(encoding="utf-8"), "html.parser")
    meta = {tag.get("property") or tag.get("name"): tag["content"] for tag in page.find_all("meta") if tag.get("content")}
    assert page.find("link", rel="canonical")["href"] == "https://example.github.io/repo/reports/dt-2024-08-overseas-cloud-h100/"
    assert meta["og:type"] == "article" and meta["twitter:card"] == "summary_large_image"
    assert meta["og:image"] == "https://example.github.io/repo/share/reports-dt-2024-08-overseas-cloud-h100.jpg"
    image = Image.open(published_site / "share" / "reports-dt-2024-08-overseas-cloud-h100.jpg")
    assert image.size == (1200, 630) and image.format == "JPEG"
    source = BeautifulSoup((published_site / "sources" / "dt-2024-08-overseas-cloud-h100" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert source.find("meta", property="og:image")["content"] == meta["og:image"]  # the capture shares its report's card
    assert not list((published_site / "share").glob("sources-*"))
    assert page.find("link", rel="icon")["href"] == "../../assets/favicon.svg"


def test_404_page_links_work_under_the_subpath(published_site: Path) -> None:
    page = BeautifulSoup((published_site / "404.html").read_text(encoding="utf-8"), "html.parser")
    hrefs = [a["href"] for a in page.select("main a")]
    assert hrefs[0] == "/repo/" and all(href.startswith("/repo/") for href in hrefs)
    assert page.find("link", rel="stylesheet")["href"] == "/repo/assets/style.css"


def test_a_report_page_weighs_under_30_kb_as_served_without_the_search_bundle(built_site: Path) -> None:
    """What a phone downloads for a report on a first visit: the page and what it loads, as
    GitHub Pages sends them (text gzipped)."""
    for report in (built_site / "reports").iterdir():
        html = report / "index.html"
        page = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        assets = [tag.get("href") or tag.get("src") for tag in page.find_all(["link", "script", "img"])
                  if (tag.get("rel") in (["stylesheet"], ["icon"]) or tag.name != "link") and (tag.get("href") or tag.get("src"))]
        files = [html] + [(html.parent / asset).resolve() for asset in assets if "pagefind" not in asset and not asset.startswith("http")]
        total = sum(len(gzip.compress(path.read_bytes(), 6)) for path in files)
        assert total <= 30 * 1024, (report.name, total)


def test_check_reports_a_broken_link_and_exits_non_zero(built_site: Path, tmp_path: Path) -> None:
    import shutil
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    page = site / "about" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace('href="../entities/"', 'href="../entitiez/"'), encoding="utf-8")
    from microsite.check import check_site
    report = check_site(site)
    assert report.problems == ["about/index.html: broken link → ../entitiez/"]
