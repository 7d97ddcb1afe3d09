"""Start the dashboard with framing's one-time work done before the server answers.

``streamlit run`` imports ``dashboard.py`` only when the first browser connects, so that first
visitor would wait for ``import framing`` (scikit-learn among others), the lexicons, the tone
model, the CMU dictionary and the analysis of the bundled event.  This launcher does that work
first, then starts Streamlit in the same process: Streamlit runs the script in a thread of this
process, so the imported modules, framing's loaded resources and the dashboard's
``st.cache_resource`` entry for the bundled event are reused by the first page.

Usage (what ``make dashboard`` runs)::

    python -m views.serve [streamlit options, e.g. --server.port 8501]
"""

from __future__ import annotations

import os
import sys
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def warm() -> None:
    """Import the dashboard's modules and analyse the bundled event into its cache."""
    import logging

    # Outside a Streamlit run, cache calls log "No runtime found"; expected here.
    logging.getLogger("streamlit").setLevel(logging.ERROR)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import plotly.graph_objects  # noqa: F401  (the views' chart library)

        from views import inputs

        inputs.analyse_path(os.path.relpath(inputs.BUNDLED), inputs.BUNDLED.stat().st_mtime)
    logging.getLogger("streamlit").setLevel(logging.WARNING)
    freeze_long_lived()


def freeze_long_lived() -> None:
    """Move every object alive now (modules, lexicons, models, the cached analysis) out of the
    garbage collector's reach.

    Streamlit runs a full ``gc.collect(2)`` after every script run (``runner.postScriptGC``);
    it holds the GIL, so the server cannot send the end of the run to the browser meanwhile.
    With framing imported that collection walks ~200,000 long-lived objects: 0.16-0.19 s of CPU
    per rerun measured on this machine, under 1 ms after :func:`gc.freeze` (README, "Dashboard
    speed").  Objects made later are still collected as usual; the frozen ones live as long
    as the server, which they do anyway.
    """
    import gc

    gc.collect()
    gc.freeze()


def main(argv: list[str] | None = None) -> int:
    """Warm up, then hand over to ``streamlit run dashboard.py`` with the given options."""
    os.chdir(ROOT)
    warm()
    from streamlit.web import cli as stcli

    sys.argv = ["streamlit", "run", str(ROOT / "dashboard.py"), *(sys.argv[1:] if argv is None else argv)]
    return stcli.main()


if __name__ == "__main__":
    sys.exit(main())
