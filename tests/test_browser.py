"""The dashboard in a real browser: Playwright drives Debian's Chromium against the app served
by ``streamlit run`` on a free localhost port.

It opens the bundled event, sees AP, ZeroHedge and Press TV side by side, switches versions and
view, downloads the HTML report, uploads a file with hostile markup (shown as text), and saves
screenshots to ``$FRAMING_SCREENSHOTS`` (default ``/tmp/framing-browser``; look at them).  Skipped with a reason when
``/usr/bin/chromium`` is absent.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from views import harness
from views.harness import CHROMIUM, CHROMIUM_ARGS, WATCH_JS, free_port, start_server
from views.side_by_side import MIN_COLUMN

ROOT = Path(__file__).resolve().parents[1]
#: Screenshots for a human to look at: $FRAMING_SCREENSHOTS, else <tmp>/framing-browser.
EVENT = ROOT / "data" / "events" / "iraq-russia-military-ties-2020-02" / "articles.jsonl"
SHOTS = Path(os.environ.get("FRAMING_SCREENSHOTS") or Path(tempfile.gettempdir()) / "framing-browser")
#: Quiet for this long after the run's marker = every element of the run is on the page.
QUIET_MS = 300

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"{CHROMIUM} is absent: install Debian's chromium (make browser)"),
]


def wait_drawn(page, prev: str = "", timeout: float = 90_000, view: str | None = None) -> str:
    """Wait until the page has finished a run newer than ``prev``; return its run counter."""
    return harness.wait_drawn(page, prev, view=view, quiet_ms=QUIET_MS, timeout=timeout)


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    port = free_port()
    proc = start_server(port)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 900}, accept_downloads=True)
    context.add_init_script(WATCH_JS)
    pg = context.new_page()
    yield pg
    context.close()


def test_side_by_side_shows_ap_zerohedge_and_press_tv(server, page) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.goto(f"{server}/?view=side_by_side")
    run = wait_drawn(page)
    heads = page.locator(".fr-head h4")
    names = [heads.nth(k).inner_text().strip() for k in range(heads.count())]
    assert {"AP", "ZeroHedge", "Press TV"} <= set(names)
    # the three columns sit side by side: same top edge, increasing left edge (once the layout
    # has settled: a column can still be moving when the page stops redrawing)
    page.wait_for_function(
        """() => new Set([...document.querySelectorAll('.fr-head h4')]
                 .map(h => Math.round(h.getBoundingClientRect().top))).size === 1""",
        timeout=15_000,
    )
    boxes = {n: heads.nth(k).bounding_box() for k, n in enumerate(names)}
    tops = {round(boxes[n]["y"]) for n in ("AP", "ZeroHedge", "Press TV")}
    assert len(tops) == 1
    assert boxes["AP"]["x"] < boxes["ZeroHedge"]["x"] < boxes["Press TV"]["x"]
    assert page.locator(".fr-body .fr-term").count() >= 1 or "not available yet" in page.content()
    page.screenshot(path=str(SHOTS / "side_by_side.png"))

    # hovering a loaded term shows its tip
    term = page.locator(".fr-body .fr-term").first
    if term.count():
        term.scroll_into_view_if_needed()
        term.hover()
        assert term.locator(".fr-tip").is_visible()

    # switch versions: remove The New Arab and the unknown site from the multiselect
    for name in ("The New Arab", "unknown outlet (002)"):
        page.get_by_role("button", name=f"Remove {name}").click()
        run = wait_drawn(page, run)
    names = [t.strip() for t in page.locator(".fr-head h4").all_inner_texts()]
    assert names == ["AP", "ZeroHedge", "Press TV"]
    assert "v=001_4140626b031ab76f%2C003_f3a50983af6c7cfe%2C004_2ead5f7e34eb73ae" in page.url or "v=001_4140626b031ab76f,003" in page.url

    # switch view: the details matrix draws a chart
    page.get_by_role("radio", name="Details", exact=True).click()
    run = wait_drawn(page, run, view="details")
    assert "view=details" in page.url
    assert page.locator("[data-testid='stPlotlyChart'] .main-svg").count() >= 1 or "not available yet" in page.content()
    page.screenshot(path=str(SHOTS / "details.png"))

    # a link reopens the same view and versions
    url = page.url
    page.goto(url)
    wait_drawn(page)
    assert page.get_by_role("radio", name="Details", exact=True).get_attribute("aria-checked") == "true"
    assert "view=details" in page.url


def test_a_laptop_window_reaches_every_view_and_lines_up_the_versions(server, browser) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": 1024, "height": 768})
    context.add_init_script(WATCH_JS)
    page = context.new_page()
    try:
        page.goto(f"{server}/?view=side_by_side")
        wait_drawn(page)
        # every view's button lies inside the window (the switch wraps; none hides past the edge)
        for label in ("Overview", "Side by side", "Details", "Vocabulary", "Tone", "Learn", "Corpus"):
            box = page.get_by_role("radio", name=label, exact=True).bounding_box()
            assert box is not None and box["x"] + box["width"] <= 1024, label
        # five columns would be too narrow to read: the versions take two rows, 3 and 2, each
        # column at least MIN_COLUMN wide, and the texts of a row start level, however their
        # headlines wrap
        boxes = page.locator(".fr-head").evaluate_all(
            "els => els.map(e => e.parentElement.closest('[data-testid=\"stColumn\"]')"
            ".querySelector('[data-testid=\"stVerticalBlockBorderWrapper\"], .fr-col').getBoundingClientRect())"
            ".map(r => ({y: r.y, width: r.width}))"
        )
        rows = Counter(round(b["y"]) for b in boxes)
        assert [rows[top] for top in sorted(rows)] == [3, 2], boxes
        assert min(b["width"] for b in boxes) >= MIN_COLUMN, boxes
        page.screenshot(path=str(SHOTS / "side_by_side_1024.png"))
    finally:
        context.close()


def test_html_report_downloads_and_is_self_contained(server, page, tmp_path) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.goto(server)
    wait_drawn(page)
    with page.expect_download(timeout=60_000) as info:
        page.get_by_role("button", name="HTML report").click()
    path = tmp_path / "report.html"
    info.value.save_as(path)
    text = path.read_text(encoding="utf-8")
    assert text.startswith("<!doctype html>")
    assert "ZeroHedge" in text and "Press TV" in text and "<script" not in text.lower()
    # the same report as `framing analyze data/events/... --format html`
    cli = subprocess.run(
        [sys.executable, "-m", "framing.cli", "analyze", str(EVENT.relative_to(ROOT)), "--format", "html"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout
    assert text.strip() == cli.strip()
    page.screenshot(path=str(SHOTS / "overview.png"))


def test_uploaded_hostile_markup_shows_as_text(server, page, tmp_path) -> None:
    hostile = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">'
    a = tmp_path / "wire.txt"
    b = tmp_path / "rewrite.txt"
    a.write_text(f"Officials meet {hostile}\n\nOfficials met in the capital on Monday to discuss trade and security. " * 3)
    b.write_text("Officials gather\n\nOfficials met in the capital on Monday for brazen talks on trade. " * 3)
    page.goto(server)
    run = wait_drawn(page)
    page.get_by_text("Upload files").click()
    run = wait_drawn(page, run)
    page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files([str(a), str(b)])
    run = wait_drawn(page, run)
    page.get_by_role("radio", name="Side by side", exact=True).click()
    wait_drawn(page, run, view="side_by_side")
    assert page.evaluate("window.__pwned === undefined")
    shown = page.locator("[data-testid='stMain']").inner_text()
    assert "<script>window.__pwned=1</script>" in shown  # the markup is visible as text
    assert page.locator(".fr-head").count() == 2
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "upload.png"))


def test_upload_over_the_size_limit_gets_a_clear_message(server, page, tmp_path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("Officials met. " * 400_000)  # ~6 MB
    page.goto(server)
    run = wait_drawn(page)
    page.get_by_text("Upload files").click()
    run = wait_drawn(page, run)
    page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(str(big))
    wait_drawn(page, run)
    alert = page.locator("[data-testid='stAlertContentError']")
    assert "too large" in alert.inner_text() and "limit is 5 MB" in alert.inner_text()
    assert page.locator("[data-testid='stException']").count() == 0


def test_a_chart_downloads_as_png_and_svg(server, page, tmp_path) -> None:
    page.goto(f"{server}/?view=tone")
    wait_drawn(page)
    for fmt, magic in (("PNG", b"\x89PNG\r\n\x1a\n"), ("SVG", b"<svg")):
        with page.expect_download(timeout=90_000) as info:
            page.get_by_role("button", name=fmt).first.click()
        path = tmp_path / f"chart.{fmt.lower()}"
        info.value.save_as(path)
        data = path.read_bytes()
        assert data.startswith(magic) and len(data) > 5_000
    assert b"Tone toward each actor" in data  # the SVG carries the chart's title


def test_blind_mode_downloads_name_no_outlet(server, page, tmp_path) -> None:
    """Blind mode in the browser: the report, CSV, JSON and a chart's SVG, as downloaded."""
    import re

    page.goto(f"{server}/?view=tone&blind=1")
    wait_drawn(page)
    names = ("The New Arab", "AP", "Associated Press", "ZeroHedge", "Press TV", "PressTV")
    got = {}
    for button in ("HTML report", "CSV", "JSON", "SVG"):
        with page.expect_download(timeout=90_000) as info:
            page.get_by_role("button", name=button, exact=True).first.click()
        path = tmp_path / info.value.suggested_filename
        info.value.save_as(path)
        got[path.name] = path.read_text(encoding="utf-8")
    assert sorted(got)[:3] == [
        "framing-iraq-russia-military-ties-2020-02-blind.csv",
        "framing-iraq-russia-military-ties-2020-02-blind.html",
        "framing-iraq-russia-military-ties-2020-02-blind.json",
    ]
    for name, text in got.items():
        leaks = [n for n in names if re.search(rf"(?<!\w){re.escape(n)}(?!\w)", text)]
        assert not leaks, (name, leaks)
        assert "Version A" in text, name
    body = page.locator("[data-testid='stMain']").inner_text()
    assert not [n for n in names if re.search(rf"(?<!\w){re.escape(n)}(?!\w)", body)]
    page.screenshot(path=str(SHOTS / "blind_tone.png"))


def test_corpus_view_compares_outlets_in_finished_figures(server, page, tmp_path) -> None:
    from test_corpus_view import corpus_store

    from framing.corpus_figures import (
        ACTOR_TONE_TITLE,
        LOADED_RATE_TITLE,
        OVER_TIME_TITLE,
        SHARES_TITLE,
    )

    page.goto(f"{server}/?view=corpus&store={corpus_store(tmp_path)}")
    wait_drawn(page, view="corpus")
    main = page.locator("[data-testid='stMain']")
    # the two stories mention Barack Obama and Bev Perdue: the tone figure has a panel each
    for title in (LOADED_RATE_TITLE, SHARES_TITLE, OVER_TIME_TITLE, ACTOR_TONE_TITLE):
        assert main.locator(".gtitle", has_text=title).count() == 1
    assert main.locator(".annotation-text", has_text="Barack Obama").count() == 1
    assert page.locator("[data-testid='stException']").count() == 0
    assert main.get_by_text("Events", exact=True).count() >= 1
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": 1400, "height": 2600})
    page.screenshot(path=str(SHOTS / "corpus.png"))
    # in a laptop window the summary's figures wrap rather than being cut ("Jan 2020 – …")
    page.set_viewport_size({"width": 1024, "height": 768})
    page.wait_for_timeout(300)
    cut = page.locator("[data-testid='stMetricValue']").evaluate_all(
        "els => els.filter(e => [e, ...e.querySelectorAll('*')]"
        ".some(c => c.scrollWidth > c.clientWidth + 1)).map(e => e.innerText)")
    assert cut == []
    page.screenshot(path=str(SHOTS / "corpus_1024.png"))
