"""Search that understands Korean and works offline, in real Chromium, at the root and
under a subpath. The queries cover each behaviour: particles, compound parts, words after
"·", names in other languages, facets, sorting, the ?q= address, highlighting, offline
after one visit, and the file:// fallback."""
from __future__ import annotations

import json
import re
import shutil
import time
from pathlib import Path

import pytest
from conftest import ROOT, build, copy_project, serve, wait_until
from playwright.sync_api import expect

H, M, D, N, Z = ("hani-2024-07-ms-google-cloud-china", "munhwa-2023-07-us-cloud-access-curb", "dt-2024-08-overseas-cloud-h100",
                 "newsdream-2024-08-aws-tenders", "zdnet-2025-11-offshore-ai-training")
REPORTS = {H, M, D, N, Z}

# query -> reports that must be among the results (and, for a few, the only reports)
QUERIES = {
    "엔비디아가 구글": {H},            # a particle on the first word; two words must both match
    "바이트댄스가": {D, Z},
    "상무부는": {H, M, D},
    "마이크로소프트가": {H, M, N},
    "시설": {D, M},                    # and the noun of 생산시설을
    "반도체": {M, D, N, Z},
    "알리바바": {M, D, N, Z},          # 텐센트·알리바바 counts
    "말레이시아": {Z},                 # 싱가포르·말레이시아
    "Nvidia": REPORTS,                 # English names of entities the Korean text names
    "ByteDance": {D, Z},
    "Commerce Department": {H, M, D},
}


def results(page) -> list[str]:
    """Every result's link once the search has answered, "more" pressed until all are shown
    (waits without eval: the pages' CSP forbids it)."""
    expect(page.locator("#search-status")).not_to_have_text(re.compile(r"^(찾는 중…)?$"), timeout=30_000)
    shown = page.locator("#search-results li.search-result")
    while page.locator("#search-more").is_visible():
        count = shown.count()
        page.locator("#search-more").click()
        expect(shown).not_to_have_count(count)
    return page.locator("#search-results a.search-result-link").evaluate_all("links => links.map(a => a.getAttribute('href'))")



def reports_in(hrefs: list[str]) -> set[str]:
    return {slug for slug in REPORTS for href in hrefs if f"/reports/{slug}/" in href}


@pytest.fixture
def page(browser):
    context = browser.new_context()
    tab = context.new_page()
    yield tab
    context.close()


@pytest.mark.parametrize("prefix", ["/", "/repo/"])
@pytest.mark.parametrize("query", sorted(QUERIES))
def test_korean_aware_queries(served: dict, page, prefix: str, query: str) -> None:
    page.goto(f"{served[prefix]}search/?q={query}")
    found = reports_in(results(page))
    assert QUERIES[query] <= found, f"{query}: missing {QUERIES[query] - found}"
    if query in ("엔비디아가 구글", "시설", "말레이시아"):
        assert found == QUERIES[query]


def test_exact_forms_rank_first(served: dict, page) -> None:
    page.goto(f"{served['/']}search/?q=바이트댄스가")
    hrefs = results(page)
    # "바이트댄스가" is written in the ZDNet report; the Digital Times one has only 바이트댄스도
    # (the entity's own page comes first, as a card)
    assert f"/reports/{Z}/" in [href for href in hrefs if "/reports/" in href][0]


def test_facets_and_sorting(served: dict, page) -> None:
    page.goto(f"{served['/repo/']}search/?q=엔비디아")
    results(page)
    page.locator('input[data-filter="종류"][value="보도"]').check()
    expect(page.locator("#search-status")).to_contain_text("검색 결과 5건")
    assert len(reports_in(results(page))) == 5
    page.select_option("#search-sort", "desc")
    expect(page.locator("#search-results a").first).to_have_attribute(
        "href", re.compile(rf"^/repo/reports/{Z}/\?highlight=%EC%97%94%EB%B9%84%EB%94%94%EC%95%84(&highlight=nvidia)?#p-\d+$"))
    page.locator("#search-results a").first.click()
    expect(page.locator("mark.pagefind-highlight").first).to_have_text("엔비디아")
    page.go_back()
    results(page)
    page.locator('input[data-filter="매체"][value="한겨레"]').check()
    expect(page.locator("#search-status")).to_contain_text("검색 결과 1건")
    page.locator('input[data-filter="매체"][value="한겨레"]').uncheck()
    page.locator('input[data-filter="연도"][value="2023"]').check()
    expect(page.locator("#search-results a").first).to_contain_text("미, 이번엔 중국 기업")
    result = page.locator("#search-results li").first
    expect(result.locator(".meta")).to_contain_text("문화일보")
    expect(result.locator(".excerpt mark").first).to_have_text("엔비디아")


def test_entity_facet(served: dict, page) -> None:
    page.goto(f"{served['/']}search/?q=엔비디아")
    results(page)
    page.locator('input[data-filter="개체"][value="바이트댄스"]').check()
    expect(page.locator("#search-status")).to_contain_text("검색 결과")
    assert reports_in(results(page)) == {D, Z}


def test_header_box_slash_key_and_korean_empty_state(served: dict, page) -> None:
    page.goto(f"{served['/repo/']}reports/{M}/")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "site-search"
    page.keyboard.type("쀍뛟쀍")
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{served['/repo/']}search/?q=%EC%80%8D%EB%9B%9F%EC%80%8D")
    expect(page.locator("#search-status")).to_contain_text("검색 결과가 없습니다")
    assert page.locator("#search-status").get_attribute("aria-live") == "polite"


def test_offline_after_one_visit(served: dict, browser) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(served["/repo/"])
    page.evaluate("navigator.serviceWorker.ready.then(() => new Promise(r => setTimeout(r, 500)))")
    page.reload()  # now controlled by the worker, which has cached the site
    wait_until(page, "navigator.serviceWorker.controller !== null")
    context.set_offline(True)
    page.goto(f"{served['/repo/']}reports/{N}/")  # never visited
    expect(page.locator("article.report h1")).to_contain_text("중국, 아마존·MS 클라우드로")
    page.goto(f"{served['/repo/']}search/?q=바이트댄스가")
    assert {D, Z} <= reports_in(results(page))
    context.close()


def test_search_from_disk_uses_the_fallback_index(built_site: Path, browser) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto((built_site / "search" / "index.html").as_uri() + "?q=바이트댄스가")
    found = results(page)
    assert {D, Z} <= reports_in(found)
    page.locator("#search-results a", has_text="美반도체 제재의 허점").click()
    expect(page.locator("article.report h1")).to_contain_text("美반도체 제재의 허점")
    page.get_by_role("link", name="연표", exact=True).click()  # folder links work from disk too
    expect(page.locator("h1")).to_have_text("연표")
    page.goto((built_site / "search" / "index.html").as_uri() + "?q=nvidia")  # a name the reports write only in Korean
    assert reports_in(results(page)) == REPORTS
    context.close()


def test_words_typed_before_the_script_loaded_are_kept_and_searched(served: dict, page) -> None:
    held = []
    page.route("**/assets/search.js", lambda route: held.append(route))
    page.goto(f"{served['/']}search/?q=엔비디아", wait_until="commit")  # deferred scripts hold back DOMContentLoaded
    page.fill("#search-input", "바이트댄스")
    deadline = time.monotonic() + 15
    while not held:
        assert time.monotonic() < deadline, "search.js was not requested"
        page.wait_for_timeout(50)
    held[0].continue_()
    found = reports_in(results(page))
    assert page.input_value("#search-input") == "바이트댄스"
    assert found == {D, Z}
    assert "q=%EB%B0%94%EC%9D%B4%ED%8A%B8%EB%8C%84%EC%8A%A4" in page.url


@pytest.fixture(scope="module")
def bilingual_site(tmp_path_factory) -> Path:
    """The five seeds and a report in English, built with the search index."""
    project = copy_project(tmp_path_factory.mktemp("bilingual") / "project")
    shutil.copy(ROOT / "tests" / "captures" / "en-bbc-text.txt", project / "seeds" / "en-bbc-text.txt")
    build(project)
    return project / "site"


def test_a_report_in_english_is_found_from_the_one_search_page_with_its_language(bilingual_site: Path, browser) -> None:
    context = browser.new_context()
    page = context.new_page()
    with serve(bilingual_site, "/repo/") as address:
        page.goto(f"{address}search/?q=virtual wards")
        found = results(page)
        assert any("/reports/en-bbc-text/" in href for href in found), found
        card = page.locator(".search-result", has=page.locator('a[href*="/reports/en-bbc-text/"]'))
        expect(card.locator(".meta")).to_contain_text("영어")
        page.goto(f"{address}search/?q=바이트댄스가")  # the Korean reports are still there, with no language named
        assert {D, Z} <= reports_in(results(page))
        expect(page.locator(".search-result .meta").first).not_to_contain_text("영어")
    page.goto((bilingual_site / "search" / "index.html").as_uri() + "?q=virtual wards")  # and from disk
    assert any("en-bbc-text" in href for href in results(page))
    expect(page.locator(".search-result .meta").first).to_contain_text("영어")
    context.close()


@pytest.mark.parametrize("query", ["딥러닝", "딥마인드", "알리페이", "엔비디아칩셋", "Nvidiax", "구글 딥러닝"])
def test_a_word_that_is_nowhere_finds_nothing(served: dict, page, query: str) -> None:
    """Not the pages of a word that merely starts like it (딥시크, 알리바바, Nvidia): Pagefind
    falls back to the longest indexed prefix of a missing word, so membership is decided by
    exact lookups."""
    page.goto(f"{served['/']}search/?q={query}")
    assert results(page) == []
    expect(page.locator("#search-status")).to_contain_text("검색 결과가 없습니다")


def test_a_quoted_phrase_is_found_only_where_its_words_stand_together(served: dict, page) -> None:
    page.goto(f'{served["/"]}search/?q="{"클라우드 서비스"}"')
    found = results(page)
    assert found, "the phrase stands in the reports"
    page.goto(f'{served["/"]}search/?q="{"서비스 클라우드"}"')
    assert results(page) == []


def test_every_result_can_be_reached(served: dict, page) -> None:
    page.goto(f"{served['/repo/']}search/?q=중국")
    expect(page.locator("#search-status")).to_contain_text("건")
    first = page.locator("#search-results a.search-result-link").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    total = int(re.search(r"(\d+)건", page.locator("#search-status").inner_text()).group(1))
    assert total > len(first) == 10, "the query should have more results than one screen"
    while page.locator("#search-more").is_visible():
        page.locator("#search-more").click()
        expect(page.locator("#search-results li.search-result")).not_to_have_count(len(first))
        first = page.locator("#search-results a.search-result-link").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert len(first) == total and len(set(first)) == total


def test_entity_excerpts_are_the_description_and_names_not_labels_run_into_values(served: dict, page) -> None:
    page.goto(f"{served['/']}search/?q=바이두")
    results(page)
    card = page.locator(".search-result", has=page.locator('a[href*="/entities/baidu/"]'))
    excerpt = card.locator(".excerpt").inner_text()
    assert "검색" in excerpt and not any(label in excerpt for label in ("분류기업", "언급보도", "위키데이터", "표기바이두"))


def test_filters_and_sort_live_in_the_address_so_a_search_can_be_shared(served: dict, browser) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{served['/repo/']}search/?q=엔비디아")
    results(page)
    page.locator('input[data-filter="종류"][value="보도"]').check()
    page.select_option("#search-sort", "asc")
    expect(page.locator("#search-status")).to_contain_text("검색 결과 5건")
    shared = page.url
    assert "sort=asc" in shared and "filter=%EC%A2%85%EB%A5%98%3A%EB%B3%B4%EB%8F%84" in shared, shared
    other = context.new_page()  # the address alone gives the same search
    other.goto(shared)
    expect(other.locator("#search-status")).to_contain_text("검색 결과 5건")
    assert other.input_value("#search-sort") == "asc"
    expect(other.locator('input[data-filter="종류"][value="보도"]')).to_be_checked()
    assert results(other) == results(page)
    context.close()


def test_on_a_phone_the_filters_fold_above_the_first_result(served: dict, browser) -> None:
    for width, folded in ((375, True), (1280, False)):
        context = browser.new_context(viewport={"width": width, "height": 800})
        page = context.new_page()
        page.goto(f"{served['/']}search/?q=엔비디아")
        results(page)
        expect(page.locator("#search-controls summary")).to_be_visible()
        if folded:
            expect(page.locator("#search-sort")).to_be_hidden()
            assert page.locator("#search-results li").first.bounding_box()["y"] < 800, "a result on the first screen"
            page.locator("#search-controls summary").click()  # one tap opens them
        expect(page.locator("#search-sort")).to_be_visible()
        context.close()


@pytest.mark.parametrize("prefix", ["/", "/repo/"])
@pytest.mark.parametrize("query", ["알리", "대통", "엔비", "데이", "클라"])
def test_a_prefix_of_a_word_finds_nothing(served: dict, page, prefix: str, query: str) -> None:
    """Only whole words, stems and a compound's nouns are terms: the start of 알리바바,
    대통령, 엔비디아, 데이터 or 클라우드 is no word of the archive."""
    page.goto(f"{served[prefix]}search/?q={query}")
    assert results(page) == []


@pytest.mark.parametrize("prefix", ["/", "/repo/"])
@pytest.mark.parametrize("query", ["바이두", "Baidu", "바이두가"])
def test_a_word_that_names_an_entity_shows_its_page_first_as_a_card(served: dict, page, prefix: str, query: str) -> None:
    page.goto(f"{served[prefix]}search/?q={query}")
    hrefs = results(page)
    assert "/entities/baidu/" in hrefs[0]
    first = page.locator("#search-results > li").first
    expect(first).to_have_class(re.compile(r"\bsearch-card\b"))
    expect(page.locator(".search-card")).to_have_count(1)


@pytest.mark.parametrize("prefix", ["/", "/repo/"])
def test_a_result_opens_the_report_at_the_paragraph_that_holds_the_match(served: dict, page, prefix: str) -> None:
    page.goto(f"{served[prefix]}search/?q=쓰촨")
    link = page.locator(f'#search-results a[href*="/reports/{N}/"]').first
    href = link.get_attribute("href")
    assert re.search(r"#p-\d+$", href), href
    link.click()
    target = page.locator(":target")
    expect(target).to_contain_text("쓰촨")
    expect(target.locator("mark").first).to_be_visible()  # the words are highlighted there


@pytest.mark.parametrize("prefix", ["/", "/repo/"])
def test_a_chronology_result_lists_the_matching_events_each_a_link_to_it(served: dict, page, prefix: str) -> None:
    page.goto(f"{served[prefix]}search/?q=갈륨&filter=종류:연표")
    results(page)
    events = page.locator(".search-result .search-parts a")
    assert events.count() >= 1
    href = events.first.get_attribute("href")
    assert "/chronology/" in href and "#" in href
    events.first.click()
    expect(page.locator(":target")).to_contain_text("갈륨")


def test_facet_counts_follow_the_query_and_the_other_filters(served: dict, page) -> None:
    """Counts for a two-word search are the pages that have both words; choosing an
    outlet recounts the years (and the kinds) among that outlet's results only."""
    page.goto(f"{served['/']}search/?q=엔비디아 클라우드")
    results(page)
    total = int(re.search(r"(\d+)건", page.locator("#search-status").inner_text()).group(1))

    def counts(name: str) -> dict[str, int]:
        labels = page.locator(f'#search-filters input[data-filter="{name}"]')
        return {labels.nth(i).get_attribute("value"): int(page.locator(f'#search-filters label:has(input[data-filter="{name}"]) .count').nth(i).inner_text())
                for i in range(labels.count())}

    assert sum(counts("종류").values()) == total
    outlet, in_outlet = sorted(counts("매체").items(), key=lambda kv: kv[1])[0]
    page.locator(f'#search-filters input[data-filter="매체"][value="{outlet}"]').check()
    expect(page.locator("#search-status")).to_contain_text(f"검색 결과 {in_outlet}건")
    assert sum(counts("연도").values()) == in_outlet and counts("매체")[outlet] == in_outlet


PARITY_QUERIES = ["엔비디아가 구글", "반도체", "시설", "Nvidia", "Commerce Department", "\"클라우드 서비스\"", "상무부는",
                  "딥러닝", "알리", "H100", "텐센트·알리바바", "중국"]


def test_from_disk_the_search_answers_as_over_http(served: dict, built_site: Path, browser) -> None:
    context = browser.new_context()
    page = context.new_page()

    def every_result(address: str) -> list[str]:
        page.goto(address)
        results(page)
        while page.locator("#search-more").is_visible():
            shown = page.locator("#search-results li.search-result").count()
            page.locator("#search-more").click()
            expect(page.locator("#search-results li.search-result")).not_to_have_count(shown)
        hrefs = page.locator("#search-results a.search-result-link").evaluate_all("links => links.map(a => a.href)")
        return sorted(re.sub(r"(index\.html)?(\?.*)?$", "", href.split("/site/", 1)[-1].split("/repo/", 1)[-1])
                      for href in hrefs)

    for query in PARITY_QUERIES:
        over_http = every_result(f"{served['/repo/']}search/?q={query}")
        from_disk = every_result((built_site / "search" / "index.html").as_uri() + f"?q={query}")
        assert from_disk == over_http, query
    context.close()


def test_a_match_through_a_name_in_another_language_is_highlighted_in_the_reports_own_words(served: dict, page) -> None:
    page.goto(f"{served['/repo/']}search/?q=Nvidia&filter=종류:보도")
    results(page)
    page.locator("#search-results a.search-result-link", has_text="미 정부의 대중국 수출 규제").click()
    expect(page.locator("mark.pagefind-highlight").first).to_have_text(re.compile("엔비디아", re.I))


@pytest.fixture(scope="module")
def site_in_parts(built_site: Path, tmp_path_factory) -> Path:
    """The five seeds' site with its search index rebuilt in parts of 12 pages, as a large
    archive's is (``PART_PAGES``)."""
    from microsite.search.index import build_search_index
    site = tmp_path_factory.mktemp("parts") / "site"
    shutil.copytree(built_site, site)
    shutil.rmtree(site / "pagefind")
    build_search_index(site, part_pages=12)
    return site


def test_an_index_in_parts_answers_as_one_index(served: dict, site_in_parts: Path, browser) -> None:
    """Each part is searched and every part's pages are counted, filtered and sorted: the
    same results, the same counts and the same date order as the site's one index."""
    parts = json.loads((site_in_parts / "pagefind" / "facets.json").read_text(encoding="utf-8"))["parts"]
    assert len(parts) >= 5 and all((site_in_parts / "pagefind" / part / "pagefind-entry.json").is_file() for part in parts)
    assert not list((site_in_parts / "pagefind" / parts[0]).glob("*.js")), "a part carries no search code"
    context = browser.new_context()
    tab = context.new_page()
    with serve(site_in_parts, "/repo/") as in_parts:
        for query in [*sorted(QUERIES), "딥러닝", "알리", '"클라우드 서비스"', "중국&sort=asc", "중국&filter=매체:한겨레"]:
            answers = []
            for root in (served["/repo/"], in_parts):
                tab.goto(f"{root}search/?q={query}")
                answers.append((results(tab), tab.locator("#search-status").inner_text(), _facet_counts(tab)))
            one, parted = answers
            if query.endswith("sort=asc"):
                assert parted[0] == one[0], f"{query}: another date order"
            assert sorted(parted[0]) == sorted(one[0]) and parted[1:] == one[1:], f"{query}: {parted} ≠ {one}"
    context.close()


def _facet_counts(tab) -> list[str]:
    return tab.locator("#search-filters label").all_inner_texts()
