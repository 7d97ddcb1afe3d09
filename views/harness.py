"""Drive the dashboard in a real browser: one harness for the browser test and the speed benchmark.

Playwright drives Debian's Chromium (``/usr/bin/chromium``; never a downloaded browser) against
the app served on a free localhost port, started as ``make dashboard`` starts it.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
ROOT = Path(__file__).resolve().parents[1]
#: Without the background-networking flags Chromium keeps dialling out on this closed network.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

#: True when the script has finished a run and every chart on the page is drawn; ``prev`` is
#: the run counter seen before an interaction (the page must show a newer run).
DRAWN_JS = """
([prev, view]) => {
  const m = document.querySelector('#fr-drawn');
  if (!m || m.dataset.run === prev) return false;
  if (view && m.dataset.view !== view) return false;
  if (document.querySelector('[data-testid="stSpinner"]')) return false;
  const sw = document.querySelector('[data-testid="stStatusWidget"]');
  if (sw && /running/i.test(sw.innerText)) return false;
  if (document.querySelector('[data-stale="true"]')) return false;
  const drawn = [...document.querySelectorAll('[data-testid="stPlotlyChart"]')]
    .filter(c => c.querySelector('.main-svg')).length;
  return drawn >= Number(m.dataset.charts || 0);
}
"""

#: Installed before the page's own scripts: the time of the last change to the page.
WATCH_JS = """
window.__lastMutation = 0;
new MutationObserver(() => { window.__lastMutation = performance.now(); })
  .observe(document, {subtree: true, childList: true, attributes: true, characterData: true});
"""


def free_port() -> int:
    """A free TCP port on the loopback interface."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(port: int, script: Path | None = None) -> subprocess.Popen:
    """Serve the dashboard on ``port`` and return once the server answers.

    The dashboard starts as ``make dashboard`` starts it (``python -m views.serve``, which warms
    ``framing`` up before the server answers); another ``script`` (e.g. a baseline page) with
    plain ``streamlit run``.
    """
    launcher = ["views.serve"] if script is None else ["streamlit", "run", str(script)]
    proc = subprocess.Popen(
        [
            sys.executable, "-m", *launcher,
            "--server.port", str(port), "--server.address", "127.0.0.1",
            "--server.headless", "true", "--browser.gatherUsageStats", "false",
            "--server.fileWatcherType", "none",
        ],
        cwd=ROOT if script is None else script.parent,
        # stderr to a file: a pipe nobody drains would stall a long-running server.
        stdout=subprocess.DEVNULL, stderr=(log := tempfile.TemporaryFile()),
        env={**os.environ, "PYTHONUNBUFFERED": "1", "PYTHONPATH": str(ROOT)},
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1)
            return proc
        except OSError:
            if proc.poll() is not None:
                log.seek(0)
                raise RuntimeError(f"streamlit exited: {log.read().decode()[-2000:]}") from None
            time.sleep(0.05)
    proc.terminate()
    raise RuntimeError("streamlit did not answer within 60 s")


def wait_drawn(
    page, prev: str = "", *, view: str | None = None, quiet_ms: int = 300, timeout: float = 90_000
) -> str:
    """Wait until the page has finished a run newer than ``prev`` (showing ``view`` when given)
    and has not changed for ``quiet_ms``; return its run counter."""
    page.wait_for_function(DRAWN_JS, arg=[prev, view], timeout=timeout, polling=20)
    page.wait_for_function(
        "(ms) => performance.now() - window.__lastMutation > ms", arg=quiet_ms, timeout=timeout
    )
    return page.locator("#fr-drawn").get_attribute("data-run") or ""
