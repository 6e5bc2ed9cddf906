"""Building the site: pages, links, raw seeds, config errors, failed builds, base URL."""
from __future__ import annotations

import hashlib
import re
import subprocess
import sys
from pathlib import Path

from bs4 import BeautifulSoup
from conftest import ROOT, SEEDS, build

from microsite.check import check_site

SLUGS = ["hani-2024-07-ms-google-cloud-china", "munhwa-2023-07-us-cloud-access-curb", "dt-2024-08-overseas-cloud-h100",
         "newsdream-2024-08-aws-tenders", "zdnet-2025-11-offshore-ai-training"]


def run_cli(project: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "build.py", *args], cwd=project, capture_output=True,
                          text=True, timeout=300, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})


def test_every_page_exists(built_site: Path) -> None:
    for page in ["index.html", "about/index.html", "search/index.html", *(f"reports/{s}/index.html" for s in SLUGS)]:
        assert (built_site / page).is_file(), page
    assert (built_site / "pagefind" / "pagefind.js").is_file() and (built_site / "search-index.js").is_file()
    assert (built_site / "sw.js").is_file()
    assert (built_site / ".nojekyll").is_file()


def test_every_internal_link_and_anchor_resolves_and_every_page_is_reachable(built_site: Path) -> None:
    report = check_site(built_site)
    assert report.problems == []
    entities = len(list((ROOT / "content" / "entities").glob("*.md")))
    # home, about, search, chronology, 404, the reports and their source pages, the entity index and the entities
    assert report.pages == 5 + 2 * len(SLUGS) + 1 + entities
    assert report.links > 50 * report.pages // 10
    assert "https://t1.daumcdn.net/news/202511/28/ZDNetKorea/20251128122951078sfbi.jpg" in report.external
    assert all(url.startswith("https://www.wikidata.org/wiki/Q") for url in report.external if "daumcdn" not in url)


def test_home_lists_reports_newest_first_with_outlet_date_and_deck(built_site: Path) -> None:
    home = BeautifulSoup((built_site / "index.html").read_text(encoding="utf-8"), "html.parser")
    items = home.select(".report-item")
    assert [item.select_one("a")["href"] for item in items] == [
        "./reports/zdnet-2025-11-offshore-ai-training/", "./reports/dt-2024-08-overseas-cloud-h100/",
        "./reports/newsdream-2024-08-aws-tenders/", "./reports/hani-2024-07-ms-google-cloud-china/",
        "./reports/munhwa-2023-07-us-cloud-access-curb/"]
    assert items[2].select_one(".meta").get_text(" ", strip=True) == "뉴스드림 · 2024년 8월"
    assert "2024년 8월 26일 (추정)" in items[1].get_text()
    assert "동남아 데이터센터서 엔비디아 GPU 활용" in items[0].select_one(".deck-lines").get_text()
    assert items[2].select_one(".title-note").get_text() == "원문에 제목이 없어 연구자가 붙인 제목입니다."
    assert "인공지능(AI) 선도국가로" in items[2].select_one(".teaser").get_text()


def test_pages_are_korean_semantic_and_described(built_site: Path) -> None:
    for page in built_site.rglob("*.html"):
        if "pagefind" in page.parts:
            continue
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        assert soup.html["lang"] == "ko"
        assert soup.title.get_text().strip()
        assert soup.find("meta", attrs={"name": "description"})["content"].strip()
        for landmark in ("header", "nav", "main", "footer"):
            assert soup.find(landmark), (page, landmark)


def test_report_page_shows_its_metadata_and_links_the_raw_seed(built_site: Path) -> None:
    page = BeautifulSoup((built_site / "reports" / SLUGS[1] / "index.html").read_text(encoding="utf-8"), "html.parser")
    meta = page.select_one(".report-meta").get_text(" ", strip=True)
    for fact in ("문화일보", "2023년 7월 4일 (추정)", "김남석", "워싱턴", "월스트리트저널(WSJ)"):
        assert fact in meta
    assert page.select_one(".rights").get_text() == "Copyright © 문화일보. 무단전재 및 재배포 금지."
    link = page.select_one(".source a")["href"]
    assert link == "../../sources/munhwa-2023-07-us-cloud-access-curb/"
    source = BeautifulSoup((built_site / "sources" / "munhwa-2023-07-us-cloud-access-curb" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert source.select_one("dl a")["href"] == "../../seeds/001_a46f637c51e4cce2.txt"
    assert source.select_one("pre.raw").get_text() == (ROOT / "seeds" / "001_a46f637c51e4cce2.txt").read_text(encoding="utf-8")
    assert [p["id"] for p in page.select(".report-body p")][:3] == ["p-1", "p-2", "p-3"]


def test_raw_seeds_ship_byte_for_byte(built_site: Path) -> None:
    for seed in SEEDS:
        assert (built_site / "seeds" / seed.name).read_bytes() == seed.read_bytes()


def test_two_builds_are_byte_identical_outside_the_search_bundle(project: Path) -> None:
    # Pagefind 1.5.2 writes its filter maps in hash-map order, so pagefind/ differs run to run,
    # and so does sw.js, which lists the bundle's files.
    def digest(site: Path) -> dict[str, str]:
        return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
                for p in sorted(site.rglob("*"))
                if p.is_file() and "pagefind" not in p.relative_to(site).parts and p.name != "sw.js"}
    build(project)
    first = digest(project / "site")
    (project / ".cache" / "last-build.json").unlink(missing_ok=True)  # build again for real
    build(project)
    assert digest(project / "site") == first


def test_an_unchanged_project_is_not_built_again(project: Path) -> None:
    assert run_cli(project, "--no-search").returncode == 0
    before = (project / "site" / "index.html").stat().st_mtime_ns
    again = run_cli(project, "--no-search")
    assert again.stdout.startswith("nothing changed since the last build: site is up to date")
    assert (project / "site" / "index.html").stat().st_mtime_ns == before
    edit = project / "templates" / "home.html"
    edit.write_text(edit.read_text(encoding="utf-8").replace("최신순", "최신 순"), encoding="utf-8")
    assert run_cli(project, "--no-search").stdout.startswith("built ")
    assert "최신 순" in (project / "site" / "index.html").read_text(encoding="utf-8")
    edit.write_text(edit.read_text(encoding="utf-8").replace("최신 순", "최근 순"), encoding="utf-8")  # same size
    assert run_cli(project, "--no-search").stdout.startswith("built ")  # its new time says "read me again"
    assert "최근 순" in (project / "site" / "index.html").read_text(encoding="utf-8")


def test_a_failed_build_reports_path_and_line_and_keeps_the_previous_site(project: Path) -> None:
    assert run_cli(project).returncode == 0
    before = (project / "site" / "index.html").read_bytes()
    template = project / "templates" / "report.html"
    template.write_text(template.read_text(encoding="utf-8").replace("{% endblock %}", "{% endblok %}", 1), encoding="utf-8")
    result = run_cli(project)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("templates/report.html:")
    assert "template syntax error" in result.stderr
    assert (project / "site" / "index.html").read_bytes() == before
    assert not list(project.glob(".site-*"))


def test_bad_front_matter_names_file_and_line(project: Path) -> None:
    assert run_cli(project, "--no-search").returncode == 0
    page = project / "content" / "reports" / f"{SLUGS[0]}.md"
    page.write_text(page.read_text(encoding="utf-8").replace("published: '2024-07-18'", "published: '2024-13-45'"), encoding="utf-8")
    result = run_cli(project, "--no-search")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.strip() == (f"content/reports/{SLUGS[0]}.md:5: 'published' in front matter: '2024-13-45' must "
                                     "be YYYY-MM-DD or YYYY-MM, a real date")


def test_unknown_config_key_is_an_error_with_its_line(project: Path) -> None:
    pyproject = project / "pyproject.toml"
    text = pyproject.read_text(encoding="utf-8").replace('language = "ko"', 'language = "ko"\ntheme = "dark"')
    pyproject.write_text(text, encoding="utf-8")
    result = run_cli(project)
    line = text.splitlines().index('theme = "dark"') + 1
    assert result.returncode == 1
    assert result.stderr.startswith(f"pyproject.toml:{line}: unknown key 'theme' in [tool.microsite]")


def test_base_url_override_sets_canonical_addresses_and_links_stay_relative(project: Path) -> None:
    result = run_cli(project, "--base-url", "https://example.github.io/cloud-loophole", "--no-search")
    assert result.returncode == 0, result.stderr
    page = BeautifulSoup((project / "site" / "reports" / SLUGS[0] / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert page.find("link", rel="canonical")["href"] == f"https://example.github.io/cloud-loophole/reports/{SLUGS[0]}/"
    assert all(not a["href"].startswith("/") for a in page.find_all("a", href=True))
    bad = run_cli(project, "--base-url", "example.github.io/x")
    assert bad.returncode == 1 and bad.stderr.startswith("--base-url: base_url")


def test_build_prints_one_summary_line(project: Path) -> None:
    result = run_cli(project)
    assert result.returncode == 0, result.stderr
    assert re.match(r"built \d+ pages \(5 reports, \d+ entities with \d+ mentions, \d+ events, \d+ indexed for search\) "
                    r"in \d+\.\d\d s → site",
                    result.stdout.splitlines()[0])


def test_an_unchanged_build_repeats_the_warnings_of_the_last(project: Path) -> None:
    (project / "seeds" / "zz_undated.txt").write_text("날짜 없는 보도\n\n본문 첫 문장이다.\n둘째 문장이다.\n", encoding="utf-8")
    first = run_cli(project, "--no-search")
    assert first.returncode == 0 and "seeds/zz_undated.txt: warning: no publication date" in first.stderr
    again = run_cli(project, "--no-search")
    assert again.stdout.startswith("nothing changed since the last build")
    assert "seeds/zz_undated.txt: warning: no publication date" in again.stderr


def test_a_missing_korean_font_is_said_not_drawn_silently(project: Path) -> None:
    result = subprocess.run([sys.executable, "build.py", "--no-search", "--base-url", "https://example.org/"], cwd=project,
                            capture_output=True, text=True, timeout=300,
                            env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "MICROSITE_FONT": str(project / "no-such-font.ttc")})
    assert result.returncode == 0, result.stderr
    assert "warning: share images are drawn without their titles: no font with Korean letters" in result.stderr
    assert "fonts-noto-cjk" in result.stderr
    local = subprocess.run([sys.executable, "build.py", "--no-search"], cwd=project, capture_output=True, text=True, timeout=300,
                           env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "MICROSITE_FONT": str(project / "no-such-font.ttc")})
    assert local.returncode == 0 and "share images" not in local.stderr  # a local build draws none: nothing to warn of


def test_share_images_are_drawn_only_for_a_site_with_an_absolute_address(project: Path) -> None:
    local = run_cli(project, "--no-search")
    assert local.returncode == 0, local.stderr
    page = (project / "site" / "reports" / "dt-2024-08-overseas-cloud-h100" / "index.html").read_text(encoding="utf-8")
    assert not (project / "site" / "share").exists() and "og:image" not in page  # nothing could name them
    published = run_cli(project, "--no-search", "--base-url", "https://example.org/research/")
    assert published.returncode == 0, published.stderr
    page = (project / "site" / "reports" / "dt-2024-08-overseas-cloud-h100" / "index.html").read_text(encoding="utf-8")
    assert '<meta property="og:image" content="https://example.org/research/share/reports-dt-2024-08-overseas-cloud-h100.jpg">' in page
    assert (project / "site" / "share" / "reports-dt-2024-08-overseas-cloud-h100.jpg").stat().st_size > 10_000
