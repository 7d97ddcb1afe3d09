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


def main(argv: list[str] | None = None) -> int:
    """Warm up, then hand over to ``streamlit run dashboard.py`` with the given options."""
    os.chdir(ROOT)
    warm()
    from streamlit.web import cli as stcli

    sys.argv = ["streamlit", "run", str(ROOT / "dashboard.py"), *(sys.argv[1:] if argv is None else argv)]
    return stcli.main()


if __name__ == "__main__":
    sys.exit(main())
