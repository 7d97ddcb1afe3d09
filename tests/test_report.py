"""JSON output against its schema; CSV, Markdown and HTML renderings."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema
import pytest

from conftest import HOSTILE_MARKUP
from framing import analyze_event, render_html, to_dict, to_markdown
from framing.types import Article


@pytest.fixture(scope="module")
def schema():
    text = resources.files("framing").joinpath("schema/analysis.schema.json").read_text("utf-8")
    return json.loads(text)


def test_seed_output_validates_against_schema(seed_analysis, schema):
    jsonschema.validate(to_dict([seed_analysis]), schema)


def test_sentence_offsets_point_into_body(seed_analysis):
    for article in to_dict([seed_analysis])["events"][0]["articles"]:
        for s in article["sentences"]:
            assert article["body"][s["start"]:s["end"]] == s["text"]


def test_scores_count_the_sources_of_the_selection_by_kind(seed_analysis):
    from framing.facts import source_kind

    for article in to_dict([seed_analysis])["events"][0]["articles"]:
        kinds = [source_kind(s["text"], s["named"]) for s in article["selection"]["sources"]]
        for kind in ("named", "anonymous", "other"):
            assert article["scores"][f"sources_{kind}"] == kinds.count(kind)
    ap = next(a for a in to_dict([seed_analysis])["events"][0]["articles"] if a["outlet"] == "AP")
    assert [ap["scores"][f"sources_{k}"] for k in ("named", "anonymous", "other")] == [3, 2, 0]


def test_hostile_markup_is_escaped_in_html_and_markdown_keeps_text():
    articles = [
        Article("evil", f"Title\n\n{HOSTILE_MARKUP} Officials met on Thursday.", title="<b>x</b>"),
        Article("plain", "Title\n\nOfficials met on Thursday to talk."),
    ]
    analysis = analyze_event(articles)
    page = render_html([analysis])
    assert "<script>" not in page and "onerror=\"alert" not in page
    assert "&lt;script&gt;" in page
    assert "<b>x</b>" not in page


def test_markdown_names_every_version(seed_analysis):
    md = to_markdown([seed_analysis])
    for doc in seed_analysis.documents:
        assert doc.label in md


def test_markdown_uses_the_dashboards_labels_and_counts_repeated_terms(seed_analysis):
    import re

    from framing.figures import version_labels

    md = to_markdown([seed_analysis])
    labels = version_labels(seed_analysis)
    table = [line.split(" | ")[0].lstrip("| ") for line in md.splitlines() if line.startswith("| ") and "---" not in line]
    assert table[1 : 1 + len(labels)] == list(labels.values())  # after the header row
    assert any(v.startswith("unknown outlet (") for v in labels.values())
    for doc in seed_analysis.documents:
        own = [t for t in seed_analysis.vocabulary.articles[doc.id].terms if not t.quoted]
        line = next((x for x in md.splitlines() if x.startswith("- Loaded terms") and f"({len(own)}):" in x), None)
        if not own:
            continue
        assert line is not None
        listed = re.findall(r"\*\*([^*]+)\*\*", line)
        assert len(listed) == len({w.lower() for w in listed})  # each term once
        counts = {w.lower(): int(n) for w, n in re.findall(r"\*\*([^*]+)\*\* ×(\d+)", line)}
        for word, n in counts.items():
            assert sum(t.text.lower() == word for t in own) == n


def test_each_sentence_lists_the_own_voice_words_behind_its_induced_score(seed_analysis):
    articles = to_dict([seed_analysis])["events"][0]["articles"]
    listed = 0
    for art in articles:
        for s in art["sentences"]:
            words = s["loaded_words"]
            assert len(words) <= 3
            assert [w["score"] for w in words] == sorted((w["score"] for w in words), reverse=True)
            assert all(w["word"] in s["text"].lower() for w in words)
            listed += bool(words)
    assert listed > 0.9 * sum(len(a["sentences"]) for a in articles)


def test_every_format_names_the_tone_model(seed_analysis):
    from framing import to_csv

    assert to_dict([seed_analysis])["events"][0]["tone_model"] == "transformer"
    assert "Tone toward actors (transformer model):" in to_markdown([seed_analysis])
    assert "Scored by a fine-tuned transformer" in render_html([seed_analysis])
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(to_csv([seed_analysis]))))
    assert {r["tone_model"] for r in rows} == {"transformer"}


def test_readers_see_category_names_without_the_keys_underscore():
    from framing import figures

    texts = [
        Article(id="a", outlet="One", text='Analysts noted the "incident" at the border on Monday, '
                'officials said. The talks went on.'),
        Article(id="b", outlet="Two", text="Analysts noted the incident at the border on Monday, "
                "officials said. The talks went on."),
    ]
    analysis = analyze_event(texts, event_id="e")
    assert "scare_quote" in to_dict([analysis])["events"][0]["articles"][0]["loaded_by_category"]  # the key stays
    shown = [to_markdown([analysis]), render_html([analysis]),
             " ".join(figures.loaded_rates_figure(analysis).data[0].x)]
    for text in shown:
        assert "scare quote" in text and "scare_quote" not in text


def test_markdown_and_html_reports_show_an_articles_warnings(tmp_path):
    from framing import analyze, load_articles
    from framing.html_report import render_html
    from framing.report import to_markdown
    from framing.settings import Settings

    story = "Officials met in the capital on Monday to discuss trade and security ties. " * 4
    french = ("Le ministre a déclaré jeudi que les négociations avec le syndicat reprendraient "
              "après les vacances et qu'il était confiant quant à un accord d'ici la fin du mois "
              "prochain, selon un communiqué publié par le gouvernement dans la soirée.")
    (tmp_path / "wire.txt").write_text(f"Trade talks\n\n{story}", encoding="utf-8")
    (tmp_path / "paris.txt").write_text(f"Négociations\n\n{french}", encoding="utf-8")
    analyses = analyze(load_articles([tmp_path]), settings=Settings(tone_model="linear"))
    assert to_markdown(analyses).count("**Warning**: ") == 1
    assert "does not read as English" in to_markdown(analyses)
    assert render_html(analyses).count("<p class='warn'>Warning: ") == 1


def test_findings_leave_out_a_version_in_another_language(tmp_path):
    from framing import analyze, load_articles
    from framing.findings import findings
    from framing.settings import Settings

    story = ("Officials met in the capital on Monday to discuss trade and security ties, and the "
             "minister said the brutal and shameful attacks on the border must end at once. ")
    calm = "Officials met in the capital on Monday to discuss trade and security ties. "
    french = ("Le ministre a déclaré jeudi que les négociations avec le syndicat reprendraient "
              "après les vacances et qu'il était confiant quant à un accord d'ici la fin du mois "
              "prochain, selon un communiqué publié par le gouvernement dans la soirée.")
    (tmp_path / "a.txt").write_text(f"Talks\n\n{story * 3}", encoding="utf-8")
    (tmp_path / "b.txt").write_text(f"Talks\n\n{calm * 3}", encoding="utf-8")
    (tmp_path / "paris.txt").write_text(f"Négociations\n\n{french}", encoding="utf-8")
    (analysis,) = analyze(load_articles([tmp_path]), settings=Settings(tone_model="linear"))
    found = findings(analysis, limit=None)
    assert found and all("paris" not in f.articles for f in found)
