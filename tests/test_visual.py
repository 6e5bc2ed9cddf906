"""Visual regression: every kind of page, as Chromium draws it, against committed references.

Each page is shot at 1280×900 and 375×812, in the light and the dark scheme, on the five seed
reports and on a thousand synthetic ones (``benchmarks/corpus.py --reports 1000 --seed 1``):
one shot of the first screen and, when the page is longer, one scrolled to its bottom (the
viewport only: pages of the large site are up to fifty thousand pixels high). The shots are
compared with the PNGs in tests/visual/ pixel by pixel with a tolerance (a pixel differs when one of its channels
differs by more than THRESHOLD; at most TOLERANCE of the pixels may differ), and each page's
document height with tests/visual/heights.json (within HEIGHT_TOLERANCE or HEIGHT_SLACK px,
whichever is larger). A missing reference is a failure, never a skip.

When a change to the layout is intended, regenerate every reference with one command and look
at the changed PNGs before committing them (``git status tests/visual``)::

    PYTHONPATH=. .venv/bin/python -m pytest -q tests/test_visual.py --update-visual

It rewrites every PNG and heights.json, and removes the references of pages no longer shot.

The references depend on Chromium's rendering and on the installed fonts (Noto Sans CJK KR):
regenerate them on the machine that runs CI. A failing comparison writes the actual shot and a
diff image (differing pixels in red) to the test's tmp directory and names them in its message.
"""
from __future__ import annotations

import io
import json
from pathlib import Path
from urllib.parse import urljoin

import pytest
from PIL import Image, ImageChops

REFERENCES = Path(__file__).resolve().parent / "visual"
HEIGHTS = REFERENCES / "heights.json"
UPDATE_HINT = "run 'pytest tests/test_visual.py --update-visual' to (re)generate the references"

THRESHOLD = 32  # a pixel differs when one of its channels differs by more than this (of 255)
TOLERANCE = 0.015  # the fraction of pixels that may differ
HEIGHT_TOLERANCE = 0.15  # a page's height may change by this fraction …
HEIGHT_SLACK = 300  # … or by this many pixels, whichever is larger
PALETTE = 128  # references are stored with this many colours (a third smaller than full colour; the comparison sees no loss)

VIEWPORTS = {"1280": {"width": 1280, "height": 900}, "375": {"width": 375, "height": 812}}
SCHEMES = ("light", "dark")
SMALL_PAGES = {
    "home": "", "report": "reports/zdnet-2025-11-offshore-ai-training/", "entity": "entities/nvidia/",
    "entities": "entities/", "chronology": "chronology/", "about": "about/",
    "source": "sources/munhwa-2023-07-us-cloud-access-curb/", "404": "no/such/page/", "search": "search/",
}
LARGE_PAGES = {
    "home": "", "home-page-2": "page/2/", "entity": "entities/nvidia/", "entities": "entities/",
    "chronology": "chronology/", "report": None, "about": "about/",  # report: the home page's first
}
# Shots must not depend on timing: no motion, no caret, no smooth scrolling.
FREEZE = ("*, *::before, *::after { animation: none !important; transition: none !important; caret-color: transparent !important; }"
          " html { scroll-behavior: auto !important; }")
TWO_FRAMES = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => done(true))))"


# Comparison ------------------------------------------------------------------------------------

def differing_fraction(reference: Image.Image, actual: Image.Image, threshold: int = THRESHOLD) -> float:
    """The fraction of pixels where some channel differs by more than *threshold*; 1.0 when the
    sizes differ (a different size is a different picture)."""
    if reference.size != actual.size:
        return 1.0
    return _mask(reference, actual, threshold).histogram()[255] / (actual.width * actual.height)


def _mask(reference: Image.Image, actual: Image.Image, threshold: int) -> Image.Image:
    """255 where the pictures differ by more than *threshold* in some channel, else 0."""
    r, g, b = ImageChops.difference(reference.convert("RGB"), actual.convert("RGB")).split()
    return ImageChops.lighter(ImageChops.lighter(r, g), b).point(lambda v: 255 if v > threshold else 0)


def diff_image(reference: Image.Image, actual: Image.Image, threshold: int = THRESHOLD) -> Image.Image:
    """The actual picture faded to grey, with the pixels that differ from the reference in red."""
    faded = Image.blend(actual.convert("L").convert("RGB"), Image.new("RGB", actual.size, "white"), 0.7)
    if reference.size != actual.size:
        return faded
    return Image.composite(Image.new("RGB", actual.size, (255, 0, 0)), faded, _mask(reference, actual, threshold))


def stored(image: Image.Image) -> Image.Image:
    """*image* as a reference is stored: reduced to PALETTE colours (so the files stay small)."""
    return image.convert("RGB").quantize(PALETTE, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)


def check_shot(name: str, actual: Image.Image, update: bool, out: Path) -> str | None:
    """Compare *actual* with the reference *name*.png (or rewrite it); a failure's message or None."""
    path = REFERENCES / f"{name}.png"
    if update:
        REFERENCES.mkdir(parents=True, exist_ok=True)
        stored(actual).save(path, optimize=True)
        return None
    if not path.is_file():
        return f"{name}: no reference {path.relative_to(REFERENCES.parent.parent)}; {UPDATE_HINT}"
    with Image.open(path) as image:
        reference = image.convert("RGB")
    fraction = differing_fraction(reference, actual)
    if fraction <= TOLERANCE:
        return None
    out.mkdir(parents=True, exist_ok=True)
    actual_path, diff_path = out / f"{name}.actual.png", out / f"{name}.diff.png"
    actual.save(actual_path)
    diff_image(reference, actual).save(diff_path)
    sizes = f" (reference {reference.size}, actual {actual.size})" if reference.size != actual.size else ""
    return (f"{name}: {fraction:.2%} of pixels differ (tolerance {TOLERANCE:.1%}){sizes}; "
            f"actual {actual_path}, diff {diff_path}; if the change is intended, {UPDATE_HINT}")


def check_height(key: str, height: int, update: bool) -> str | None:
    heights = json.loads(HEIGHTS.read_text(encoding="utf-8")) if HEIGHTS.is_file() else {}
    if update:
        heights[key] = height
        HEIGHTS.parent.mkdir(parents=True, exist_ok=True)
        HEIGHTS.write_text(json.dumps(dict(sorted(heights.items())), indent=1) + "\n", encoding="utf-8")
        return None
    if key not in heights:
        return f"{key}: no height in {HEIGHTS.name}; {UPDATE_HINT}"
    expected = heights[key]
    allowed = max(HEIGHT_TOLERANCE * expected, HEIGHT_SLACK)
    if abs(height - expected) > allowed:
        return f"{key}: the page is {height} px high, the reference {expected} px (±{allowed:.0f} allowed); {UPDATE_HINT}"
    return None


# Shooting --------------------------------------------------------------------------------------

@pytest.fixture
def update_visual(request) -> bool:
    return request.config.getoption("--update-visual")


def open_page(browser, url: str, viewport: str, scheme: str):
    """A fresh context (so no theme stored by the toggle, no service worker) with *url* loaded and settled."""
    context = browser.new_context(viewport=VIEWPORTS[viewport], color_scheme=scheme, reduced_motion="reduce",
                                  device_scale_factor=1, bypass_csp=True, service_workers="block",
                                  locale="ko-KR", timezone_id="Asia/Seoul")
    page = context.new_page()
    page.goto(url, wait_until="networkidle")
    page.add_style_tag(content=FREEZE)
    page.evaluate("() => document.fonts.ready.then(() => true)")
    page.evaluate(TWO_FRAMES)
    return context, page


def shoot(page) -> Image.Image:
    return Image.open(io.BytesIO(page.screenshot(animations="disabled", caret="hide"))).convert("RGB")


def shots(page, viewport: str) -> tuple[Image.Image, Image.Image | None, int]:
    """The first screen, the last screen (None when the page fits the first) and the document's height."""
    top = shoot(page)
    height = page.evaluate("() => document.documentElement.scrollHeight")
    if height <= VIEWPORTS[viewport]["height"]:
        return top, None, height
    page.evaluate("() => window.scrollTo(0, document.documentElement.scrollHeight)")
    page.evaluate(TWO_FRAMES)
    return top, shoot(page), height


def check_page(browser, url: str, name: str, viewport: str, scheme: str, update: bool, out: Path) -> None:
    context, page = open_page(browser, url, viewport, scheme)
    try:
        top, bottom, height = shots(page, viewport)
    finally:
        context.close()
    failures = [check_height(f"{name}-{viewport}", height, update),
                check_shot(f"{name}-{viewport}-{scheme}", top, update, out)]
    if bottom is not None:
        failures.append(check_shot(f"{name}-{viewport}-{scheme}-bottom", bottom, update, out))
    elif update:
        (REFERENCES / f"{name}-{viewport}-{scheme}-bottom.png").unlink(missing_ok=True)  # the page now fits one screen
    failures = [failure for failure in failures if failure]
    assert not failures, "\n".join(failures)


# The pages -------------------------------------------------------------------------------------

@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("kind", SMALL_PAGES)
def test_seed_site_looks_as_before(browser, served: dict, kind: str, viewport: str, scheme: str,
                                   update_visual: bool, tmp_path: Path) -> None:
    check_page(browser, served["/"] + SMALL_PAGES[kind], f"seeds-{kind}", viewport, scheme, update_visual, tmp_path)


@pytest.fixture(scope="module")
def large_report(browser, served_large: str) -> str:
    """The address of the first report the large site's home page lists (the corpus is fixed, so is it)."""
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    page.goto(served_large)
    href = page.locator("main a[href*='reports/']").first.get_attribute("href")
    context.close()
    return href


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("kind", LARGE_PAGES)
def test_large_site_looks_as_before(browser, served_large: str, large_report: str, kind: str, viewport: str,
                                    scheme: str, update_visual: bool, tmp_path: Path) -> None:
    url = urljoin(served_large, large_report) if kind == "report" else served_large + LARGE_PAGES[kind]
    check_page(browser, url, f"large-{kind}", viewport, scheme, update_visual, tmp_path)


def expected_references() -> set[str]:
    """The names of every reference the tests above may write (a bottom shot only if the page is long)."""
    pages = [f"seeds-{kind}" for kind in SMALL_PAGES] + [f"large-{kind}" for kind in LARGE_PAGES]
    return {f"{page}-{viewport}-{scheme}{part}.png" for page in pages for viewport in VIEWPORTS
            for scheme in SCHEMES for part in ("", "-bottom")}


def test_no_reference_is_left_over(update_visual: bool) -> None:
    """A reference for a page no longer shot would be dead weight; --update-visual removes it."""
    stale = sorted(path.name for path in REFERENCES.glob("*.png") if path.name not in expected_references())
    if update_visual:
        for name in stale:
            (REFERENCES / name).unlink()
        return
    assert not stale, f"references of pages no longer shot: {', '.join(stale)}; {UPDATE_HINT}"


# The comparison itself -------------------------------------------------------------------------

def test_the_comparison_tolerates_a_few_pixels_and_not_more() -> None:
    reference = Image.new("RGB", (100, 100), "white")
    speck = reference.copy()
    speck.paste((0, 0, 0), (0, 0, 10, 1))  # 10 pixels: 0.1%
    faint = Image.new("RGB", (100, 100), (240, 240, 240))  # every pixel, but by less than THRESHOLD
    block = reference.copy()
    block.paste((0, 0, 0), (0, 0, 20, 20))  # 4%
    assert differing_fraction(reference, reference) == 0
    assert differing_fraction(reference, speck) == pytest.approx(0.001)
    assert differing_fraction(reference, faint) == 0
    assert differing_fraction(reference, block) == pytest.approx(0.04)
    assert 0.04 > TOLERANCE
    assert differing_fraction(reference, Image.new("RGB", (100, 101), "white")) == 1.0


def test_stored_references_keep_what_the_comparison_sees(browser, served: dict) -> None:
    """Reducing a shot to PALETTE colours must not by itself count as a difference."""
    context, page = open_page(browser, served["/"] + SMALL_PAGES["report"], "1280", "dark")
    top = shoot(page)
    context.close()
    assert differing_fraction(top, stored(top)) < TOLERANCE / 10


BREAKS = {
    "no stylesheet": "() => document.querySelectorAll('link[rel=stylesheet]').forEach(link => link.remove())",
    "no .wrap rule": """() => {
        const sheet = [...document.styleSheets].find(s => s.href && s.href.endsWith('style.css'));
        const index = [...sheet.cssRules].findIndex(rule => rule.selectorText === '.wrap');
        sheet.deleteRule(index);
    }""",
}


@pytest.mark.parametrize("damage", BREAKS)
def test_a_broken_layout_fails_the_comparison(browser, served: dict, damage: str) -> None:
    path = REFERENCES / "seeds-home-1280-light.png"
    assert path.is_file(), f"no reference {path.name}; {UPDATE_HINT}"
    context, page = open_page(browser, served["/"], "1280", "light")
    page.evaluate(BREAKS[damage])
    page.evaluate(TWO_FRAMES)
    broken = shoot(page)
    context.close()
    with Image.open(path) as image:
        assert differing_fraction(image.convert("RGB"), broken) > TOLERANCE
