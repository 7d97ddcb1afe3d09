"""Reading articles from files, folders, JSON Lines, CSV and stdin."""

from __future__ import annotations

import io
import json

import pytest

from framing.errors import InputError
from framing.ingest import load_articles, split_title


def test_seed_folder_gives_five_articles_with_file_stems_as_ids(seeds_dir):
    articles = load_articles([seeds_dir])
    assert [a.id for a in articles] == sorted(p.stem for p in seeds_dir.glob("*.txt"))


def test_raw_text_is_kept_verbatim(seeds_dir):
    for article in load_articles([seeds_dir]):
        assert article.text == (seeds_dir / f"{article.id}.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Iraq mulls deepening military ties\n\nBody text here.", "Iraq mulls deepening military ties"),
        ("News   /   Iraq   /   Russia\n\nRussia pledges support\n\nBody.", "Russia pledges support"),
        ("# Markdown headline\n\nBody.", "Markdown headline"),
        (" date 2020-02-07 BAGDAD – " + "word " * 40 + "end.\n\nMore.", ""),
        ("\n\n", ""),
    ],
)
def test_title_is_first_line_unless_it_reads_as_body(text, title):
    assert split_title(text) == title


def test_jsonl_records_keep_their_fields(tmp_path):
    path = tmp_path / "a.jsonl"
    rows = [
        {"id": "x1", "outlet": "Wire", "title": "T1", "text": "First story.", "event": "e1", "date": "2020-01-01"},
        {"id": "x2", "title": "T2", "text": "Second story.", "event": "e1", "url": "http://example.org/2"},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n\n", encoding="utf-8")
    a, b = load_articles([path])
    assert (a.id, a.outlet, a.title, a.event, a.date) == ("x1", "Wire", "T1", "e1", "2020-01-01")
    assert (b.outlet, b.url) == (None, "http://example.org/2")


def test_csv_without_text_column_is_refused_in_one_line(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("id,outlet,body\n1,Wire,Some text\n", encoding="utf-8")
    with pytest.raises(InputError, match="no 'text' column") as info:
        load_articles([path])
    assert "\n" not in str(info.value)


def test_csv_rows_become_articles(tmp_path):
    path = tmp_path / "ok.csv"
    path.write_text('id,Outlet,title,text\n1,Wire,"A, B","Story, with comma."\n2,,T,Other.\n', encoding="utf-8")
    a, b = load_articles([path])
    assert (a.id, a.outlet, a.title, a.text) == ("1", "Wire", "A, B", "Story, with comma.")
    assert b.outlet is None


def test_stdin_dash_reads_json_lines():
    stream = io.StringIO('{"id": "s1", "text": "From stdin."}\n')
    (article,) = load_articles(["-"], stdin=stream)
    assert (article.id, article.source) == ("s1", "-:1")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "is empty"),
        ("blank.txt", b"  \n\n ", "is empty"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary"),
        ("doc.pdf", b"%PDF-1.4", "unsupported file type .pdf"),
        ("broken.jsonl", b'{"id": 1, "text": "ok"}\n{not json}\n', "line 2: not valid JSON"),
        ("notext.jsonl", b'{"id": "a"}\n', "notext.jsonl:1: record 'a' has no 'text'"),
        ("noid.jsonl", b'{"outlet": "AP"}\n', "noid.jsonl:1: record 'noid-1' has no 'text'"),
        ("blanktext.csv", b"id,text\nx7,  \n", "blanktext.csv:2: record 'x7' has empty 'text'"),
    ],
)
def test_unusable_input_gives_one_line_error(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError, match=message) as info:
        load_articles([path])
    assert "\n" not in str(info.value)


def test_missing_path_is_named(tmp_path):
    with pytest.raises(InputError, match="no such file or folder"):
        load_articles([tmp_path / "nope"])


def test_invalid_utf8_is_replaced_with_a_warning(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("Caf\xe9 talks\n\nThe caf\xe9 owner said talks went well.".encode("latin-1"))
    (article,) = load_articles([path])
    assert "\ufffd" in article.text
    assert article.warnings and "invalid UTF-8" in article.warnings[0]


def test_an_article_in_another_language_is_kept_with_a_warning(tmp_path):
    french = ("Le ministre a déclaré jeudi que les négociations avec le syndicat reprendraient "
              "après les vacances et qu'il était confiant quant à un accord d'ici la fin du mois "
              "prochain, selon un communiqué publié par le gouvernement dans la soirée.")
    english = ("The minister said on Thursday that talks with the union would resume after the "
               "holiday and that he was confident of a deal by the end of next month, according "
               "to a statement the government published in the evening.")
    (tmp_path / "fr.txt").write_text(f"Titre\n\n{french}", encoding="utf-8")
    (tmp_path / "en.txt").write_text(f"Title\n\n{english}", encoding="utf-8")
    by_id = {a.id: a for a in load_articles([tmp_path])}
    assert by_id["en"].warnings == ()
    (warning,) = by_id["fr"].warnings
    assert warning.startswith(f"{tmp_path / 'fr.txt'}: the text does not read as English")
    assert by_id["fr"].text.endswith(french)  # kept whole: analysed, but said


def test_duplicate_ids_are_refused(tmp_path):
    (tmp_path / "a.jsonl").write_text('{"id": "x", "text": "One."}\n{"id": "x", "text": "Two."}\n')
    with pytest.raises(InputError, match="duplicate article id 'x'"):
        load_articles([tmp_path / "a.jsonl"])


def test_html_page_is_extracted_and_markup_kept_out(tmp_path):
    page = tmp_path / "page.html"
    story = " ".join(["Officials met in the capital on Thursday to discuss the agreement."] * 6)
    page.write_text(
        "<html><head><title>Talks held</title></head><body><nav>Home | World</nav>"
        f"<article><h1>Talks held</h1><p>{story}</p><p>{story}</p></article>"
        "<footer>Share this article</footer></body></html>",
        encoding="utf-8",
    )
    (article,) = load_articles([page])
    assert article.id == "page"
    assert "Officials met in the capital" in article.text
    assert "<p>" not in article.text


def test_bundled_event_records_load(seeds_dir):
    data = seeds_dir.parent / "data" / "events" / "iraq-russia-military-ties-2020-02" / "articles.jsonl"
    articles = load_articles([data])
    assert {a.outlet for a in articles} == {"The New Arab", "AP", None, "ZeroHedge", "Press TV"}
    assert all(a.event == "iraq-russia-military-ties-2020-02" for a in articles)
    for a in articles:
        assert a.text == (seeds_dir / f"{a.id}.txt").read_text(encoding="utf-8")
