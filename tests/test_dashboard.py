"""The dashboard, headless: every view runs without an exception, widgets change what is shown,
and article text is escaped.

Two kinds of run:

* the real app (``dashboard.py``) on the bundled event, with whatever the scoring modules
  produce today;
* each view module on a fully populated analysis (``tests/fake_analysis.py``) that carries
  hostile markup in one version's title, outlet and body, so that the views are checked with
  every measure present whatever state the scoring modules are in.
"""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("streamlit")
from streamlit.testing.v1 import AppTest  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "dashboard.py")
TIMEOUT = 120
EVENT = "iraq-russia-military-ties-2020-02"
AP, ZEROHEDGE, PRESSTV = "001_4140626b031ab76f", "003_f3a50983af6c7cfe", "004_2ead5f7e34eb73ae"
ALL = ["000_53cb381931e12bbd", AP, "002_a6220eaab602e57b", ZEROHEDGE, PRESSTV]
VIEW_KEYS = ["overview", "side_by_side", "details", "vocabulary", "tone", "learn"]


@pytest.fixture(scope="module")
def app() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def _html(at: AppTest) -> list[str]:
    """The page's HTML blocks, without the style sheet (st.html with only CSS)."""
    return [h.value for h in at.html if not h.value.lstrip().startswith("<style>")]


def _texts(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + _html(at) + [c.value for c in at.caption]
    parts += [s.value for s in at.subheader] + [t.value for t in at.title]
    return "\n".join(str(p) for p in parts)


def test_app_opens_on_the_bundled_event_with_three_outlets_named(app: AppTest) -> None:
    text = _texts(app)
    for outlet in ("AP", "ZeroHedge", "Press TV"):
        assert outlet in text
    assert app.segmented_control(key="nav_view").value == "overview"
    assert app.title[0].value == "How outlets framed one event"
    assert any("fr-score" in h for h in _html(app))  # the scorecard


@pytest.mark.parametrize("view", VIEW_KEYS)
def test_every_view_renders_without_exception(app: AppTest, view: str) -> None:
    app.segmented_control(key="nav_view").set_value(view).run()
    assert not app.exception, [e.message for e in app.exception]
    assert not app.error, [e.value for e in app.error]
    assert app.query_params.get("view") == view
    drawn = next(h for h in _html(app) if "id='fr-drawn'" in h)
    assert f"data-view='{view}'" in drawn


def test_overview_shows_scorecard_rows_for_each_version(app: AppTest) -> None:
    import re

    app.segmented_control(key="nav_view").set_value("overview").run()
    table = next(h for h in _html(app) if "fr-score" in h)
    rows = re.findall(r"<tr><th><span class='fr-dot'[^>]*></span>([^<]*)</th>", table)
    assert rows == ["The New Arab", "AP", "unknown outlet (002)", "ZeroHedge", "Press TV"]
    for column in ("Words", "Loaded / 100 words", "Details kept", "Tone (own voice)"):
        assert f">{column}</th>" in table
    glance = next(h for h in _html(app) if "fr-glance" in h)
    assert glance.count("class='fr-gl'") == 5


def test_choosing_versions_changes_the_side_by_side_columns(app: AppTest) -> None:
    app.segmented_control(key="nav_view").set_value("side_by_side").run()
    ms = app.multiselect[0]
    assert ms.value == ALL
    keep = [AP, ZEROHEDGE, PRESSTV]
    ms.set_value(keep).run()
    assert not app.exception
    heads = [h for h in _html(app) if "fr-head" in h]
    assert len(heads) == 3
    assert any("ZeroHedge" in h for h in heads) and any("Press TV" in h for h in heads)
    assert not any("The New Arab" in h for h in heads)
    assert app.query_params.get("v") == ",".join(keep)
    app.multiselect[0].set_value(ALL).run()
    assert len([h for h in _html(app) if "fr-head" in h]) == 5


def test_reference_version_goes_into_the_url(app: AppTest) -> None:
    app.segmented_control(key="nav_view").set_value("side_by_side").run()
    app.selectbox(key=f"reference::{EVENT}").set_value(AP).run()
    assert not app.exception
    assert app.query_params.get("ref") == AP
    assert "Compared against: <b>AP</b>" in _texts(app)
    app.selectbox(key=f"reference::{EVENT}").set_value("consensus").run()
    assert "ref" not in app.query_params


def test_blind_mode_hides_outlet_names_until_reveal(app: AppTest) -> None:
    app.segmented_control(key="nav_view").set_value("side_by_side").run()
    app.toggle(key="blind").set_value(True).run()
    assert not app.exception
    heads = "\n".join(h for h in _html(app) if "fr-head" in h)
    assert "Version A" in heads
    for outlet in ("ZeroHedge", "Press TV", "The New Arab"):
        assert outlet not in heads
    bodies = "\n".join(h for h in _html(app) if "fr-body" in h)
    assert "ZeroHedge" not in bodies  # masked in the article text too
    app.button[0].click().run()  # "Reveal outlet names" is the first button (sidebar)
    assert app.toggle(key="blind").value is False
    heads = "\n".join(h for h in _html(app) if "fr-head" in h)
    assert "ZeroHedge" in heads


def test_learn_view_blind_exercise_scores_guesses(app: AppTest) -> None:
    app.segmented_control(key="nav_view").set_value("learn").run()
    app.button(key="start_blind").click().run()
    assert app.toggle(key="blind").value is True
    guesses = [s for s in app.selectbox if str(s.key or "").startswith("guess_")]
    assert len(guesses) >= 2
    guesses[0].set_value("The New Arab").run()
    app.button(key="reveal").click().run()
    assert not app.exception
    assert any("right" in s.value for s in app.success)
    app.toggle(key="blind").set_value(False).run()


def test_learn_view_gives_each_measure_an_exercise_that_opens_its_view(app: AppTest) -> None:
    from views.learn import MEASURES

    app.segmented_control(key="nav_view").set_value("learn").run()
    tries = [m.value for m in app.markdown if m.value.startswith("**Try it.**")]
    assert len(tries) == len(MEASURES)
    for n, (*_, view) in enumerate(MEASURES):
        app.segmented_control(key="nav_view").set_value("learn").run()
        app.button(key=f"learn_try_{n}").click().run()
        assert not app.exception
        assert app.session_state["nav_view"] == view


def test_exports_are_offered_for_report_csv_and_json(app: AppTest) -> None:
    app.segmented_control(key="nav_view").set_value("overview").run()
    keys = {b.key for b in app.get("download_button")}
    assert {"dl_html", "dl_csv", "dl_json"} <= keys
    assert "fig_overview_png" in keys and "fig_overview_svg" in keys or "PNG/SVG download needs Chromium" in _texts(app)


def test_url_opens_the_same_view_and_versions() -> None:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.query_params["view"] = "details"
    at.query_params["v"] = f"{AP},{ZEROHEDGE}"
    at.query_params["ref"] = AP
    at.run()
    assert not at.exception
    assert at.segmented_control(key="nav_view").value == "details"
    assert at.multiselect[0].value == [AP, ZEROHEDGE]
    assert at.selectbox(key=f"reference::{EVENT}").value == AP


def test_pasted_texts_with_markup_show_as_text_and_errors_as_messages() -> None:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.run()
    at.radio(key="source").set_value("paste").run()
    assert not at.exception
    assert any("Add articles" in i.value for i in at.info)
    hostile = '<script>alert("x")</script><img src=x onerror="alert(1)">'
    at.text_input(key="paste_outlet_0").set_value("Wire <b>Service</b>")
    at.text_input(key="paste_title_0").set_value(hostile + " headline")
    at.text_area(key="paste_text_0").set_value(
        "Officials met in the capital on Monday to discuss trade. " * 5 + hostile
    )
    at.text_input(key="paste_outlet_1").set_value("Other Outlet")
    at.text_area(key="paste_text_1").set_value(
        "Officials met in the capital on Monday for brazen talks on trade. " * 5
    )
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    at.segmented_control(key="nav_view").set_value("side_by_side").run()
    assert not at.exception
    blocks = _html(at)
    assert any("&lt;script&gt;" in b for b in blocks)
    assert not any("<script" in b or "<img" in b for b in blocks)
    assert any("Wire &lt;b&gt;Service&lt;/b&gt;" in b for b in blocks)


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("page.txt", b"\x00\x01\x02binary", "looks like a binary file"),
        ("empty.txt", b"   ", "is empty"),
        ("table.csv", b"title,body\nA,B\n", "has no 'text' column"),
        ("notes.docx", b"PK", "unsupported file type"),
    ],
)
def test_unreadable_input_becomes_a_one_line_message(name: str, data: bytes, message: str) -> None:
    from views import inputs

    with pytest.raises(inputs.InputProblem, match=message) as info:
        inputs._analyse(((name, data),))
    assert "\n" not in str(info.value) and "Traceback" not in str(info.value)


def test_input_error_is_shown_in_the_app_as_a_message(monkeypatch) -> None:
    def script() -> None:
        import framing
        from framing import InputError

        def refuse(*args, **kwargs):
            raise InputError("articles.jsonl line 3: not valid JSON (Expecting value)")

        framing.load_articles = refuse  # the app calls framing.load_articles
        from views import inputs

        inputs.analyse_files.clear()
        inputs.analyse_path.clear()
        exec(compile(open(inputs.ROOT / "dashboard.py").read(), "dashboard.py", "exec"), {"__name__": "__main__"})

    import framing

    original = framing.load_articles
    try:
        at = AppTest.from_function(script, default_timeout=TIMEOUT)
        at.run()
        assert not at.exception, [e.message for e in at.exception]
        assert [e.value for e in at.error] == ["articles.jsonl line 3: not valid JSON (Expecting value)"]
    finally:
        framing.load_articles = original
        from views import inputs

        inputs.analyse_files.clear()
        inputs.analyse_path.clear()


FRENCH = (
    "Le ministre a déclaré jeudi que les négociations avec le syndicat reprendraient après les "
    "vacances et qu'il était confiant quant à un accord d'ici la fin du mois prochain, selon un "
    "communiqué publié par le gouvernement dans la soirée."
)


def test_an_article_in_another_language_is_shown_with_a_warning(tmp_path, monkeypatch) -> None:
    def script() -> None:
        import os

        import framing
        from framing.ingest import load_articles

        framing.load_articles = lambda paths: load_articles([os.environ["FRAMING_TEST_INPUT"]])
        from views import inputs

        inputs.analyse_files.clear()
        inputs.analyse_path.clear()
        exec(compile(open(inputs.ROOT / "dashboard.py").read(), "dashboard.py", "exec"), {"__name__": "__main__"})

    import framing

    story = "Officials met in the capital on Monday to discuss trade and security ties. " * 4
    (tmp_path / "wire.txt").write_text(f"Trade talks\n\n{story}", encoding="utf-8")
    (tmp_path / "paris.txt").write_text(f"Négociations\n\n{FRENCH}", encoding="utf-8")
    monkeypatch.setenv("FRAMING_TEST_INPUT", str(tmp_path))
    original = framing.load_articles
    try:
        at = AppTest.from_function(script, default_timeout=TIMEOUT)
        at.run()
        assert not at.exception, [e.message for e in at.exception]
        warnings = [w.value for w in at.warning]
        assert len(warnings) == 1 and "paris.txt: the text does not read as English" in warnings[0]
        # input without event ids: its one event is not called "Event event"
        shown = next(c.value for c in at.caption if "versions shown" in c.value)
        assert shown.startswith("2 of 2 versions shown")
    finally:
        framing.load_articles = original
        from views import inputs

        inputs.analyse_files.clear()
        inputs.analyse_path.clear()


def test_an_uploaded_articles_warning_names_the_file_not_a_temporary_path() -> None:
    from views import inputs

    (analysis,) = inputs._analyse((("paris.txt", f"Négociations\n\n{FRENCH}".encode()),))
    (warning,) = analysis.documents[0].article.warnings
    assert warning.startswith("paris.txt: the text does not read as English")


# --------------------------------------------------------------------------------------------
# Each view on a fully populated analysis with hostile markup
# --------------------------------------------------------------------------------------------


def _view_script(view: str, blind: bool = False) -> None:
    import sys
    from pathlib import Path

    import streamlit as st

    tests = Path(view.split("|")[1])
    sys.path.insert(0, str(tests))
    sys.path.insert(0, str(tests.parent))
    import fake_analysis

    from views import details, learn, overview, side_by_side, state, tone, vocabulary

    name = view.split("|")[0]
    analysis = fake_analysis.build(hostile=True)
    if view.endswith("|empty"):  # only the cleaned documents: every score still missing
        from framing.types import EventAnalysis

        analysis = EventAnalysis(id=analysis.id, documents=analysis.documents)
    ids = [d.id for d in analysis.documents]
    ctx = state.make_context(analysis, [analysis], ids, reference="consensus", blind=blind, source="test")
    st.markdown(state.CSS, unsafe_allow_html=True)
    {
        "overview": overview.render, "side_by_side": side_by_side.render, "details": details.render,
        "vocabulary": vocabulary.render, "tone": tone.render, "learn": learn.render,
    }[name](ctx)


@pytest.fixture(scope="module", params=VIEW_KEYS)
def full_view(request) -> tuple[str, AppTest]:
    at = AppTest.from_function(
        _view_script, args=(f"{request.param}|{Path(__file__).parent}",), default_timeout=TIMEOUT
    )
    at.run()
    return request.param, at


def test_views_with_every_measure_present_render_and_escape_markup(full_view) -> None:
    view, at = full_view
    assert not at.exception, [e.message for e in at.exception]
    blocks = _html(at) + [m.value for m in at.markdown if "<style>" not in m.value]
    assert not any("<script" in b or "<img" in b for b in blocks), view
    if view in ("side_by_side", "overview"):
        assert any("&lt;script&gt;" in b for b in blocks)
    if view != "learn":
        assert len(at.get("plotly_chart")) >= 1 or view in ("side_by_side", "overview")
    assert not [i.value for i in at.info if "not available yet" in i.value] or view == "learn"


def test_details_view_selecting_a_detail_shows_each_versions_sentence() -> None:
    at = AppTest.from_function(_view_script, args=(f"details|{Path(__file__).parent}",), default_timeout=TIMEOUT)
    at.run()
    sb = at.selectbox(key="detail_pick")
    sb.set_value("d99").run()
    assert not at.exception
    cards = [h for h in _html(at) if "fr-card" in h]
    assert len(cards) == 5
    assert sum("Not in this version" in c for c in cards) == 4  # only ZeroHedge carries d99


def test_details_view_lists_who_each_version_cites(app: AppTest) -> None:
    import re

    app.segmented_control(key="nav_view").set_value("details").run()
    block = next(h for h in _html(app) if ">Most others cite, this one does not</th>" in h)
    rows = {cells[0]: cells[1:] for r in re.findall(r"<tr>(.*?)</tr>", block.split("<tbody>")[1])
            if (cells := re.findall(r"<td[^>]*>(.*?)</td>", r))}
    # AP names the US commander and the Iraqi spokesman; Press TV cites Lavrov alone and lacks
    # the ministry's statement that most of the others cite
    assert "Marine Gen. Frank McKenzie" in rows["AP"][0] and "Al-Ghanimi" in rows["AP"][0]
    assert "A senior Iraqi military intelligence official" in rows["AP"][1]
    assert rows["Press TV"][:3] == ["Lavrov", "–", "–"]  # named, anonymous, other
    assert "Al-Ghanimi" in rows["Press TV"][3]


def test_tone_view_switching_actor_changes_evidence() -> None:
    at = AppTest.from_function(_view_script, args=(f"tone|{Path(__file__).parent}",), default_timeout=TIMEOUT)
    at.run()
    sb = at.selectbox(key="tone_actor")
    first = [h for h in _html(at) if "fr-card" in h]
    sb.set_value("Russia").run()
    assert not at.exception
    second = [h for h in _html(at) if "fr-card" in h]
    assert first != second and all("Russia" in c for c in second)


def test_vocabulary_view_own_voice_toggle_filters_quoted_terms() -> None:
    at = AppTest.from_function(_view_script, args=(f"vocabulary|{Path(__file__).parent}",), default_timeout=TIMEOUT)
    at.run()
    import re

    def voices() -> list[str]:
        block = next(h for h in _html(at) if ">Why flagged</th>" in h)
        rows = re.findall(r"<tr>(.*?)</tr>", block.split("<tbody>")[1])
        return [re.findall(r"<td[^>]*>(.*?)</td>", r)[2] for r in rows]

    assert any(v.startswith("quoted") for v in voices())
    at.toggle(key="vocab_own").set_value(True).run()
    assert not at.exception
    assert voices() and all(v == "own" for v in voices())


def test_input_with_several_events_offers_an_event_picker() -> None:
    import json

    records = []
    for event, words in (("storm-2024", "A storm hit the coast on Monday, officials said."),
                         ("vote-2024", "Lawmakers passed the budget on Friday after a long debate.")):
        for outlet in ("Wire", "Daily"):
            records.append({"id": f"{event}-{outlet}", "event": event, "outlet": outlet,
                            "text": (words + " ") * 6})
    data = "\n".join(json.dumps(r) for r in records).encode()
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.session_state["corpus_event_files"] = (("two-events.jsonl", data),)
    at.run()
    at.radio(key="source").set_value("corpus").run()
    assert not at.exception, [e.message for e in at.exception]
    picker = at.selectbox(key="event")
    assert picker.options[:2] == ["storm-2024 (2 versions)", "vote-2024 (2 versions)"]
    picker.set_value("vote-2024").run()
    assert not at.exception
    assert at.query_params.get("event") == "vote-2024"
    assert "vote-2024" in _texts(at)


def test_corpus_view_without_a_store_says_how_to_make_one(tmp_path) -> None:
    if not (ROOT / "views" / "corpus.py").exists():
        pytest.skip("views/corpus.py is absent: the dashboard runs without the Corpus view")
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.query_params["view"] = "corpus"
    at.query_params["store"] = str(tmp_path / "missing.duckdb")
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    assert any("framing analyze" in i.value for i in at.info)
    at.segmented_control(key="nav_view").set_value("overview").run()
    assert not at.exception
    assert any("fr-score" in h for h in _html(at))  # back on the scorecard


def test_a_findings_button_opens_the_view_with_its_evidence() -> None:
    at = AppTest.from_function(_view_script, args=(f"overview|{Path(__file__).parent}",), default_timeout=TIMEOUT)
    at.run()
    button = next(b for b in at.button if str(b.key).startswith("finding_"))
    button.click().run()
    assert not at.exception
    assert at.session_state["nav_view"] in ("vocabulary", "details", "tone", "side_by_side")
    assert at.session_state["nav_view"].replace("_", " ") in button.label.lower().replace("_", " ")


@pytest.mark.parametrize("chosen", [[], [AP]], ids=["no version", "one version"])
def test_every_view_copes_with_fewer_than_two_versions(chosen: list[str]) -> None:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.run()
    at.multiselect[0].set_value(chosen).run()
    for view in VIEW_KEYS:
        at.segmented_control(key="nav_view").set_value(view).run()
        assert not at.exception, (view, [e.message for e in at.exception])
    at.segmented_control(key="nav_view").set_value("details").run()
    assert any("at least two versions" in w.value for w in at.warning)


@pytest.mark.parametrize("view", VIEW_KEYS)
def test_views_without_any_scores_say_what_is_not_available(view: str) -> None:
    at = AppTest.from_function(_view_script, args=(f"{view}|{Path(__file__).parent}|empty",), default_timeout=TIMEOUT)
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    if view in ("details", "vocabulary", "tone"):
        assert any("not available yet" in i.value for i in at.info)
    if view == "overview":
        assert any("not available yet" in h for h in _html(at))  # the empty bars say so


def test_uploads_of_each_supported_type_are_analysed() -> None:
    from views import inputs

    story = "Officials met in the capital on Monday to discuss trade and security ties. " * 4
    page = (
        "<html><head><title>Trade talks</title></head><body><article><h1>Trade talks</h1>"
        + "".join(f"<p>{story}</p>" for _ in range(3)) + "</article></body></html>"
    )
    files = (
        ("wire.txt", f"Trade talks\n\n{story}".encode()),
        ("page.html", page.encode()),
        ("more.csv", f'id,outlet,text\nc1,Daily,"{story}"\n'.encode()),
        ("more.jsonl", ('{"id": "j1", "outlet": "Weekly", "text": "' + story + '"}\n').encode()),
    )
    analyses = inputs._analyse(files)
    ids = [d.id for a in analyses for d in a.documents]
    assert ids == ["wire", "page", "c1", "j1"]
    assert all("/tmp" not in (d.article.source or "") for a in analyses for d in a.documents)


# --------------------------------------------------------------------------------------------
# Blind mode: no outlet name anywhere on the page, in the URL, in a chart or in a download
# --------------------------------------------------------------------------------------------

#: The bundled event's outlets and the other ways its texts write them (independent of the
#: dashboard's own list, so that a name the dashboard fails to hide is caught).
OUTLET_NAMES = ("The New Arab", "New Arab", "AP", "Associated Press", "ZeroHedge", "Zero Hedge",
                "zerohedge", "Press TV", "PressTV", "presstv")


def _leaks(text: str) -> list[str]:
    import re

    return [n for n in OUTLET_NAMES if re.search(rf"(?<!\w){re.escape(n)}(?!\w)", text)]


def _visible(at: AppTest) -> dict[str, str]:
    """Everything the page shows, by kind: texts, widget labels and options, charts, URL."""
    import json

    out = {
        "text": _texts(at) + "\n".join(
            str(e.value) for kind in ("info", "success", "warning", "error") for e in at.get(kind)
        ),
        "charts": "\n".join(json.dumps(json.loads(c.proto.spec)) for c in at.get("plotly_chart")),
        "url": "\n".join(f"{k}={v}" for k, v in at.query_params.items()),
    }
    widgets = []
    for kind in ("selectbox", "multiselect", "radio", "segmented_control", "toggle", "button",
                 "download_button", "expander", "popover", "text_input"):
        for w in at.get(kind):
            if str(getattr(w, "key", "") or "").startswith("guess_"):
                continue  # the blind exercise lists the outlets to guess from, by design
            proto = getattr(w, "proto", None)
            widgets.append(str(getattr(w, "label", "")))
            widgets += [str(o) for o in getattr(proto, "options", ())]
            widgets.append(str(getattr(proto, "help", "")))
    out["widgets"] = "\n".join(widgets)
    return out


def _walk_views_collecting_downloads(monkeypatch, blind: bool) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """Open every view (blind or not) and return (what the page showed per view, the text of
    every report download by file name, the JSON of every chart offered as PNG/SVG by name)."""
    from streamlit.runtime.media_file_manager import MediaFileManager

    from views import state

    deferred: dict[str, object] = {}
    figures: dict[str, str] = {}
    original_add = MediaFileManager.add_deferred
    original_export = state._export

    def add_deferred(self, fn, mimetype, coordinates, file_name=None, **kw):
        deferred[file_name or coordinates] = fn
        return original_add(self, fn, mimetype, coordinates, file_name=file_name, **kw)

    def export(fig, fmt):
        figures[f"{fig.layout.title.text} ({fmt})"] = fig.to_json()
        return original_export(fig, fmt)

    monkeypatch.setattr(MediaFileManager, "add_deferred", add_deferred)
    monkeypatch.setattr(state, "_export", export)
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    if blind:
        at.query_params["blind"] = "1"
    at.query_params["ref"] = AP  # a chosen reference is named in the sidebar and the URL
    at.run()
    seen = {}
    for view in VIEW_KEYS:
        at.segmented_control(key="nav_view").set_value(view).run()
        assert not at.exception, (view, [e.message for e in at.exception])
        for kind, text in _visible(at).items():
            seen[f"{view}/{kind}"] = text
    at.multiselect[0].set_value([AP, ZEROHEDGE, PRESSTV]).run()  # a chosen subset is in the URL
    seen["url after choosing versions"] = _visible(at)["url"]
    def text(fn) -> str:
        data = fn()
        return data.decode() if isinstance(data, bytes) else str(data)

    downloads = {name: text(fn) for name, fn in deferred.items() if not str(name).endswith((".png", ".svg"))}
    return seen, downloads, figures


def test_blind_mode_hides_outlet_names_on_every_view_in_charts_url_and_downloads(monkeypatch) -> None:
    # the same walk without blind mode finds the names: the checks below can fail
    seen, downloads, figures = _walk_views_collecting_downloads(monkeypatch, blind=False)
    assert _leaks(seen["overview/text"]) and _leaks(seen["details/charts"]) and _leaks(seen["overview/widgets"])
    assert {n for n, text in downloads.items() if _leaks(text)} == set(downloads) and len(downloads) == 3
    assert any(_leaks(f) for f in figures.values())
    monkeypatch.undo()

    seen, downloads, figures = _walk_views_collecting_downloads(monkeypatch, blind=True)
    leaks = {where: _leaks(text) for where, text in seen.items() if _leaks(text)}
    assert not leaks, leaks
    assert "Version A" in seen["overview/text"] and "v=B,D,E" in seen["url after choosing versions"]
    assert sorted(downloads) == [
        f"framing-{EVENT}-blind.csv", f"framing-{EVENT}-blind.html", f"framing-{EVENT}-blind.json"
    ]
    leaks = {name: _leaks(text) for name, text in downloads.items() if _leaks(text)}
    assert not leaks, leaks
    assert all("Version A" in text for text in downloads.values())
    # every chart offered as PNG/SVG: the image is drawn from this figure
    assert len(figures) >= 2 * 7
    leaks = {name: _leaks(fig) for name, fig in figures.items() if _leaks(fig)}
    assert not leaks, leaks


def test_blind_link_with_version_letters_reopens_the_same_versions() -> None:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.query_params.update({"blind": "1", "v": "B,D", "ref": "B", "view": "details"})
    at.run()
    assert not at.exception
    assert at.multiselect[0].value == [AP, ZEROHEDGE]
    assert at.selectbox(key=f"reference::{EVENT}").value == AP
    assert not _leaks(_visible(at)["widgets"])


# --------------------------------------------------------------------------------------------
# Tables drawn as HTML carry the numbers of the figures they stand for (the PNG/SVG download)
# --------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def full_ctx():
    import sys

    sys.path.insert(0, str(Path(__file__).parent))
    import fake_analysis

    from views import state

    analysis = fake_analysis.build(hostile=True)
    ids = [d.id for d in analysis.documents]
    return state.make_context(analysis, [analysis], ids, reference="consensus", blind=False, source="test")


def test_actor_tone_table_shows_the_figures_numbers(full_ctx) -> None:
    import html
    import re

    from framing.figures import actor_tone_figure, main_actors
    from views.tone import actor_tone_html

    actors = main_actors(full_ctx.analysis, full_ctx.ids)
    fig = actor_tone_figure(full_ctx.analysis, full_ctx.ids, full_ctx.labels, actors=actors)
    block = actor_tone_html(full_ctx, actors)
    rows = re.findall(r"<tr><th class='rowh'>(.*?)</th>(.*?)</tr>", block)
    assert [html.unescape(r[0]) for r in rows] == actors
    cells = [re.findall(r"<td[^>]*>(.*?)</td>", r[1]) for r in rows]
    assert cells == [list(row) for row in fig.data[0].text]
    assert "&lt;script&gt;" in block and "<script" not in block  # the hostile outlet, escaped


def test_reuse_table_shows_the_figures_numbers(full_ctx) -> None:
    import re

    from framing.figures import reuse_figure
    from views.details import reuse_html

    fig = reuse_figure(full_ctx.analysis, full_ctx.ids, full_ctx.labels)
    rows = re.findall(r"<tr><th class='rowh'>.*?</th>(.*?)</tr>", reuse_html(full_ctx))
    cells = [re.findall(r"<td[^>]*>(.*?)</td>", r) for r in rows]
    assert cells == [list(row) for row in fig.data[0].text]
    assert any(c.endswith("%") for row in cells for c in row)


def test_distinctive_bars_show_the_figures_terms_and_scores(full_ctx) -> None:
    import html
    import re

    from framing.figures import distinctive_terms_figure
    from views.vocabulary import distinctive_html

    fig = distinctive_terms_figure(full_ctx.analysis, full_ctx.ids, full_ctx.labels)
    block = distinctive_html(full_ctx)
    shown = re.findall(r"<span class='fr-dterm'>(.*?)</span>.*?<span class='fr-dz'>(.*?)</span>", block)
    expected = [(t, f"{z:.1f}") for trace in fig.data for t, z in zip(trace.y, trace.x, strict=True)]
    assert [(html.unescape(t), z) for t, z in shown] == [(html.unescape(t), z) for t, z in expected]
    assert shown


def test_corpus_view_stays_hidden_in_blind_mode_until_reveal(tmp_path) -> None:
    if not (ROOT / "views" / "corpus.py").exists():
        pytest.skip("views/corpus.py is absent: the dashboard runs without the Corpus view")
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.query_params.update({"view": "corpus", "blind": "1", "store": str(tmp_path / "missing.duckdb")})
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    assert any("Blind mode is on" in i.value for i in at.info)
    assert not any("framing analyze" in i.value for i in at.info)  # the view itself is not drawn
    at.button(key="corpus_reveal").click().run()
    assert not at.exception
    assert "blind" not in at.query_params
    assert any("framing analyze" in i.value for i in at.info)


def test_tone_evidence_shows_each_sentence_once_with_its_mentions_marked(seed_analysis) -> None:
    import re

    from views import state
    from views.tone import EVIDENCE_SENTENCES, evidence_html

    ids = [d.id for d in seed_analysis.documents]
    ctx = state.make_context(seed_analysis, [seed_analysis], ids, reference="consensus", blind=False, source="test")
    checked = 0
    for i in ids:
        t = seed_analysis.tone.articles[i]
        for actor, ev in t.evidence.items():
            block = evidence_html(ctx, i, actor)
            sentences = {e.sentence for e in ev}
            quotes = re.findall(r"<div class='fr-quote'.*?</div>(?=<div class='fr-quote'|<div class='fr-meta'>…|</div>$)", block)
            assert len(quotes) == min(len(sentences), EVIDENCE_SENTENCES)
            assert f"the mean of {len(sentences)} sentence" in block and f"({len(ev)} mention" in block
            shown = [re.sub(r"<[^>]+>", "", q) for q in quotes]
            assert len(set(shown)) == len(shown)  # no sentence twice
            if len(sentences) <= EVIDENCE_SENTENCES:
                assert block.count("<mark class='fr-mention'") == len(ev)
                means = [float(re.search(r"class='fr-badge'[^>]*>([-+]\d\.\d\d)<", q).group(1)) for q in quotes]
                assert means == sorted(means)
                # the actor's tone is the mean of its sentences' scores (as framing.tone computes it)
                by = {}
                for e in ev:
                    by.setdefault(e.sentence, []).append(e.score)
                assert sum(sum(v) / len(v) for v in by.values()) / len(by) == pytest.approx(t.actor_tone[actor], abs=1e-3)
            checked += len(sentences) < len(ev)
    assert checked  # some sentence names an actor more than once


def test_tone_evidence_says_why_a_victims_score_counts_as_zero(seed_analysis) -> None:
    from views import state
    from views.tone import evidence_html

    ids = [d.id for d in seed_analysis.documents]
    ctx = state.make_context(seed_analysis, [seed_analysis], ids, reference="consensus", blind=False, source="test")
    noted = quiet = 0
    for i in ids:
        for actor, ev in seed_analysis.tone.articles[i].evidence.items():
            block = evidence_html(ctx, i, actor)
            for e in ev:
                if e.victim is None:
                    continue
                if e.model_score <= -0.005:  # the model's reading, set aside, is shown
                    assert f"(“{state.esc(e.victim)}”): the model's {e.model_score:+.2f} reads the harm" in block
                    assert "is portrayed, so it counts as 0" in block
                    noted += 1
                else:  # nothing to say when the model's score shows as 0.00
                    assert "the model's -0.00" not in block and "the model's +0.00" not in block
                    quiet += 1
    assert noted and quiet


def test_glance_bars_keep_their_numbers_on_the_page(seed_analysis) -> None:
    import re

    from views import state
    from views.overview import INSIDE_FROM, glance_html, scorecard_html

    ids = [d.id for d in seed_analysis.documents]
    ctx = state.make_context(seed_analysis, [seed_analysis], ids, reference="consensus", blind=False, source="test")
    block = glance_html(ctx)
    bars = re.findall(r"class='fr-gb' style='left:0;width:([\d.]+)%[^']*'></span><span class='(fr-gv[^']*)' style='([^']*)'>([^<]*)<", block)
    assert len(bars) == 3 * len(ids)  # the three unsigned panels
    full = [b for b in bars if float(b[0]) > INSIDE_FROM]
    assert full  # AP keeps every detail: a bar across its whole cell
    for width, cls, style, label in bars:
        inside = float(width) > INSIDE_FROM
        assert ("fr-in" in cls) == inside and style.startswith("right:" if inside else "left:"), (width, label)
    # the scorecard's headings may wrap, but "→ Iraq" stays on one line
    heads = re.findall(r"<th title='[^']*'>(.*?)</th>", scorecard_html(ctx))
    assert any("→&nbsp;" in h for h in heads) and not any("→ " in h for h in heads)


def test_side_by_side_takes_two_balanced_rows_only_when_columns_would_be_too_narrow() -> None:
    from views.side_by_side import GAP, MIN_COLUMN, two_rows_style

    assert two_rows_style(2) == ""  # Streamlit stacks two columns in a narrow window itself
    five = two_rows_style(5)
    # below the width of five readable columns, three then two
    assert f"max-width:{5 * MIN_COLUMN + 4 * GAP}px" in five and "repeat(3," in five
    assert "repeat(2," in two_rows_style(4) and "repeat(2," in two_rows_style(3)


def test_learn_views_accuracy_table_shows_the_readmes_figures_as_plain_text() -> None:
    from views.learn import accuracy_table

    table = accuracy_table()
    assert table is not None and {"suite", "metric", "measured", "target"} <= set(table.columns)
    cells = [str(v) for v in table.to_numpy().ravel()]
    assert not [c for c in cells if "`" in c or "**" in c]  # marks a table would show as typed
    assert any("seed_details_expected.json" in c for c in cells)
