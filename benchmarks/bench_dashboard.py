"""Dashboard speed in a real browser (Playwright + Debian's Chromium).

Figures:

* ``first draw, cold``: a freshly started server has just answered its health check; from the
  browser's navigation start to the last change of the page once the bundled comparison is
  fully drawn (the run's marker is on the page, every chart of the run is drawn, and nothing
  changes for 400 ms; the time counted is that of the last change) in the first browser
  session: includes importing ``framing`` and the first analysis.
* ``first draw, warm``: the same for a new browser session on a running server (the analysis
  is cached).
* ``redraw, widget change in a view``: the colour toggle and removing versions in the
  side-by-side view, from the click to the page fully drawn again (median and worst);
* ``redraw, switch to another view``: clicking through the six views three times (their charts
  are drawn anew), median and worst, and the median per view;
* ``baseline``: the same two measures for a one-line Streamlit page on the same machine at the
  same time: the floor set by Streamlit itself and by how busy the machine is;
* the 1-minute load average, because the machine is shared.

Targets (issue 6): drawn within 4 s after the server answers; a widget change redraws within
0.5 s.  Run with ``python -m benchmarks dashboard``; skipped (no rows) without Chromium.
"""

from __future__ import annotations

import os
import statistics
import sys
from pathlib import Path

from views.harness import CHROMIUM, CHROMIUM_ARGS, WATCH_JS, free_port, start_server, wait_drawn

ROOT = Path(__file__).resolve().parents[1]

#: The page counts as drawn when the run's marker is there, its charts are drawn and nothing
#: has changed for this long; the time taken is that of the last change, not of the wait.
QUIET_MS = 400


#: A one-line Streamlit page: its first draw and redraw on this machine are the floor under
#: which no Streamlit app can go (static assets, websocket, React), measured beside the app.
BASELINE_APP = """
import streamlit as st
st.title("baseline")
st.button("rerun")
st.session_state["runs"] = st.session_state.get("runs", 0) + 1
st.html(f"<span id='fr-drawn' data-run='{st.session_state['runs']}'></span>")
"""


def _drawn(page, prev: str = "", view: str | None = None) -> str:
    return wait_drawn(page, prev, view=view, quiet_ms=QUIET_MS, timeout=120_000)


def _new_page(browser):
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.add_init_script(WATCH_JS)
    return page


def _load(page, url: str) -> tuple[str, float]:
    """Open ``url``; seconds from navigation start to the page's last change when drawn."""
    page.goto(url)
    run_id = _drawn(page)
    return run_id, page.evaluate("window.__lastMutation") / 1000


def _act(page, action, prev: str, view: str | None = None) -> tuple[str, float]:
    """Do ``action``; seconds from it to the page's last change when drawn again."""
    t0 = page.evaluate("performance.now()")
    action()
    run_id = _drawn(page, prev, view)
    return run_id, (page.evaluate("window.__lastMutation") - t0) / 1000


def _cpu_meter(server_pid: int):
    """A function returning the CPU seconds used so far by the server and by the browser's
    processes (children of this process), or None without psutil."""
    try:
        import psutil
    except ImportError:
        return lambda: None
    me, server = psutil.Process(), psutil.Process(server_pid)

    def used() -> float:
        total = 0.0
        for p in [server, *me.children(recursive=True)]:
            try:  # the server and the browser's processes (not other helpers' jobs)
                if p is server or "chrom" in p.name().lower():
                    t = p.cpu_times()
                    total += t.user + t.system
            except psutil.Error:  # a browser helper process that has exited
                pass
        return total

    return used


def _baseline(browser) -> list[dict]:
    """First draw and redraw of a one-line Streamlit page, for comparison."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp) / "baseline.py"
        script.write_text(BASELINE_APP)
        port = free_port()
        proc = start_server(port, script)
        try:
            firsts, redraws = [], []
            for _ in range(3):
                page = _new_page(browser)
                run_id, first = _load(page, f"http://127.0.0.1:{port}/")
                firsts.append(first)
                for _ in range(3):
                    run_id, seconds = _act(page, page.get_by_role("button", name="rerun").click, run_id)
                    redraws.append(seconds)
                page.close()
        finally:
            proc.terminate()
            proc.wait(timeout=10)
    return [
        dict(name="baseline: empty Streamlit page, first draw", value=statistics.median(firsts), unit="s"),
        dict(name="baseline: empty Streamlit page, redraw", value=statistics.median(redraws), unit="s"),
    ]


def run() -> list[dict]:
    if not Path(CHROMIUM).exists():
        print(f"bench_dashboard: {CHROMIUM} is absent, skipped", file=sys.stderr)
        return []
    from playwright.sync_api import sync_playwright

    rows: list[dict] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        # warm the browser itself so that its start-up is not counted as the app's
        warm = browser.new_page()
        warm.set_content("<p>warm</p>")
        warm.close()
        port = free_port()
        proc = start_server(port)
        try:
            url = f"http://127.0.0.1:{port}/"
            page = _new_page(browser)
            run_id, cold = _load(page, url)
            rows.append(dict(name="first draw, cold (server just answered)", value=cold, unit="s", target=4.0))

            warm_times = []
            for _ in range(3):
                other = _new_page(browser)
                warm_times.append(_load(other, url)[1])
                other.close()
            rows.append(dict(name="first draw, warm (new session)", value=statistics.median(warm_times), unit="s", target=4.0))

            same_view: list[float] = []
            switches: list[float] = []
            switch_cpu: list[float] = []
            cpu = _cpu_meter(proc.pid)

            def timed(action, into: list[float], view: str | None = None) -> None:
                nonlocal run_id
                before = cpu()
                run_id, seconds = _act(page, action, run_id, view)
                into.append(seconds)
                if into is not same_view and before is not None:
                    switch_cpu.append(cpu() - before)

            views = {"Side by side": "side_by_side", "Details": "details", "Vocabulary": "vocabulary",
                     "Tone": "tone", "Learn": "learn", "Overview": "overview"}

            def click_view(name: str) -> None:
                page.get_by_role("radio", name=name, exact=True).click()

            # every view once so that plotly.js and the fonts are loaded, then timed three times
            for name, key in views.items():
                timed(lambda v=name: click_view(v), [], key)
            per_view: dict[str, list[float]] = {name: [] for name in views}
            for _ in range(3):
                for name, key in views.items():
                    timed(lambda v=name: click_view(v), per_view[name], key)
                    switches.append(per_view[name][-1])
            click_view("Side by side")
            run_id = _drawn(page, run_id, "side_by_side")
            for _ in range(4):
                timed(lambda: page.get_by_text("Colour sentences by detail status").click(), same_view)
            timed(lambda: page.get_by_role("button", name="Remove The New Arab").click(), same_view)
            timed(lambda: page.get_by_role("button", name="Remove unknown outlet (002)").click(), same_view)
            rows.append(dict(name="redraw, widget change in a view (median)", value=statistics.median(same_view), unit="s", target=0.5))
            rows.append(dict(name="redraw, widget change in a view (worst)", value=max(same_view), unit="s"))
            rows.append(dict(name="redraw, switch to another view (median)", value=statistics.median(switches), unit="s", target=0.5))
            rows.append(dict(name="redraw, switch to another view (worst)", value=max(switches), unit="s"))
            if switch_cpu:  # CPU seconds do not grow with the machine's load as wall time does
                rows.append(dict(
                    name="switch view: CPU of browser + server (median)", value=statistics.median(switch_cpu[len(views):]),
                    unit="s CPU",
                ))
            for name, times in per_view.items():  # where the time goes
                rows.append(dict(name=f"  switch to {name} (median of 3)", value=statistics.median(times), unit="s"))
            page.close()
            rows += _baseline(browser)
            # the figures depend on how busy the machine is: record it beside them
            rows.append(dict(name="machine load average (1 min) at the end", value=os.getloadavg()[0], unit=f"on {os.cpu_count()} cores"))
        finally:
            proc.terminate()
            proc.wait(timeout=10)
        browser.close()
    return rows


if __name__ == "__main__":
    for row in run():
        print(f"{row['name']:<48} {row['value']:.3f} {row['unit']}")
