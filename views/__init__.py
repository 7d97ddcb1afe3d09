"""Page modules of the Streamlit dashboard (``dashboard.py`` lays them out).

Each view module has ``render(ctx: views.state.Context) -> None`` and only lays out what the
public API of :mod:`framing` computes; caching lives in :mod:`views.inputs`.
"""
