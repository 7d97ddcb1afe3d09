"""Tone: sentences, own voice vs quoted, tone toward actors with evidence, the shipped model."""

from __future__ import annotations

import json
import math
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import tone_records
from framing.actors import find_mentions
from framing.errors import InputError
from framing.sentences import split_sentences
from framing.target_tone import ToneModel, featurize, load_model, predict, probabilities
from framing.tone import analyze, main_actors, score_targets, sentence_tone
from framing.types import ActorMention, Article, Document, Quote

ROOT = Path(__file__).resolve().parents[1]


def doc(body: str, quotes: tuple[Quote, ...] = (), id: str = "t") -> Document:  # noqa: A002
    return Document(Article(id, body), body, sentences=split_sentences(body), quotes=quotes)


def quote(body: str, text: str) -> Quote:
    i = body.index(text)
    return Quote(i, i + len(text), text)


def target(sentence: str, word: str) -> dict:
    i = sentence.index(word)
    return {"sentence": sentence, "target_start": i, "target_end": i + len(word)}


def test_sentence_scores_are_one_per_sentence_and_within_bounds() -> None:
    d = doc("The talks were a great success. The bombing killed many innocent people. It rained.")
    tone = analyze([d], {"t": ()}).articles["t"]
    assert len(tone.sentence_scores) == 3
    assert all(-1 <= s <= 1 for s in tone.sentence_scores)
    assert tone.sentence_scores[0] > 0 > tone.sentence_scores[1]
    assert tone.sentence_scores[2] == pytest.approx(0.0)


def test_own_voice_and_quoted_tone_are_measured_apart() -> None:
    body = 'Officials reported a calm day. "This is a horrible, disgusting betrayal," a critic said.'
    d = doc(body, quotes=(quote(body, '"This is a horrible, disgusting betrayal,"'),))
    tone = analyze([d], {"t": ()}).articles["t"]
    assert tone.quoted is not None and tone.quoted < -0.5
    assert tone.own_voice is not None and tone.own_voice > tone.quoted


def test_quoted_tone_is_none_without_quotations() -> None:
    tone = analyze([doc("Iraq and Russia met on Thursday.")], {"t": ()}).articles["t"]
    assert tone.quoted is None


def test_empty_document_has_no_scores() -> None:
    tone = analyze([doc("")], {"t": ()}).articles["t"]
    assert tone.sentence_scores == () and tone.own_voice is None and tone.actor_tone == {}


def test_praise_and_condemnation_of_the_same_actor_point_opposite_ways() -> None:
    (praised, _), (condemned, _) = score_targets([
        target("Iraqi officials praised Russia for its generous help.", "Russia"),
        target("Iraqi officials condemned Russia for its brutal aggression.", "Russia"),
    ])
    assert praised == 1 and condemned == -1


def test_tone_depends_on_the_target_not_only_on_the_sentence() -> None:
    s = "Lawmakers praised Smith, while they accused Jones of corruption and lies."
    (_, smith), (_, jones) = score_targets([target(s, "Smith"), target(s, "Jones")])
    assert smith > jones


def test_actor_tone_has_evidence_for_every_actor() -> None:
    body = ("Iraq praised Russia's generous help. The US threatened Iraq with crippling sanctions. "
            "Washington also blamed Moscow.")
    d = doc(body)
    tone = analyze([d], {"t": find_mentions(d)}).articles["t"]
    assert set(tone.actor_tone) == {"Iraq", "Russia", "United States"}
    for actor, score in tone.actor_tone.items():
        evidence = tone.evidence[actor]
        assert evidence and -1 <= score <= 1
        for e in evidence:
            assert e.actor == actor
            assert body[e.start : e.end] == e.mention
            assert e.sentence_text == d.sentences[e.sentence].text
            assert e.polarity in (-1, 0, 1)
    # Two US mentions in two sentences: the score is the mean over sentences.
    us = tone.evidence["United States"]
    assert len(us) == 2
    assert tone.actor_tone["United States"] == pytest.approx(
        sum(e.score for e in us) / 2, abs=1e-3
    )


def test_evidence_knows_when_the_mention_is_quoted() -> None:
    body = 'An official said: "Russia helped us a lot." Russia denied it.'
    d = doc(body, quotes=(quote(body, '"Russia helped us a lot."'),))
    ev = analyze([d], {"t": find_mentions(d)}).articles["t"].evidence["Russia"]
    assert [e.quoted for e in ev] == [True, False]


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("Officials praised the highly successful anti-ISIS operations.", "ISIS"),
        ("He praised Moscow's great role in the battle against the Islamic State group.",
         "Islamic State group"),
    ],
)
def test_what_praised_efforts_oppose_is_not_portrayed_favourably(sentence, word) -> None:
    polarity, score = score_targets([target(sentence, word)])[0]
    assert polarity <= 0 and score <= 0


def test_main_actors_are_ordered_by_how_many_versions_mention_them() -> None:
    def m(actor: str, sentence: int = 0) -> ActorMention:
        return ActorMention(actor, 0, 1, actor, sentence)

    mentions = {
        "a": (m("Iraq"), m("Russia"), m("Russia"), m("Russia"), m("Syria")),
        "b": (m("Iraq"), m("Iraq"), m("Russia")),
    }
    assert main_actors(mentions) == ("Russia", "Iraq")  # Syria: one passing mention


@pytest.mark.parametrize(
    ("record", "message"),
    [
        ({"sentence": "Iraq."}, "missing target_start, target_end"),
        ({"sentence": "Iraq.", "target_start": 0, "target_end": 99}, "do not fall inside"),
        ({"sentence": "Iraq.", "target_start": "a", "target_end": 2}, "must be integers"),
        ({"sentence": 5, "target_start": 0, "target_end": 1}, "must be a string"),
        (["not", "an", "object"], "expected a JSON object"),
    ],
)
def test_bad_target_records_are_clear_input_errors(record, message: str) -> None:
    with pytest.raises(InputError, match=message):
        score_targets([record])


def test_score_targets_returns_polarity_and_bounded_score() -> None:
    out = score_targets([target("The minister was attacked by critics.", "minister")])
    assert out[0][0] == -1 and -1 <= out[0][1] < 0


def test_featurize_masks_the_target_and_tags_neighbours_by_side() -> None:
    f = featurize("Critics slammed Smith over the deal.", 16, 21)
    assert "w:smith" not in f and "w:<t>" in f
    assert f["l1:slammed"] == 1.0 and f["r1:over"] == 1.0


def test_batch_prediction_equals_one_by_one() -> None:
    recs = [target("Critics slammed Smith over the deal.", "Smith"),
            target("Fans cheered Jones.", "Jones"), target("Iraq met Russia.", "Russia")]
    batch = score_targets(recs)
    single = [score_targets([r])[0] for r in recs]
    assert [p for p, _ in batch] == [p for p, _ in single]
    assert [s for _, s in batch] == pytest.approx([s for _, s in single])


def test_linear_model_scores_an_event_in_one_batch_as_each_version_alone() -> None:
    from framing.clean import clean
    from framing.ingest import load_articles
    from framing.settings import Settings
    from framing.target_tone import clear_caches

    docs = [clean(a) for a in load_articles([ROOT / "seeds"])]
    mentions = {d.id: find_mentions(d) for d in docs}
    assert sum(map(len, mentions.values())) > 100
    linear = Settings(tone_model="linear")
    clear_caches()
    event = analyze(docs, mentions, settings=linear).articles
    for d in docs:  # each version alone, with nothing cached
        clear_caches()
        assert event[d.id] == analyze([d], {d.id: mentions[d.id]}, settings=linear).articles[d.id]


def test_sentence_tone_is_vader_compound() -> None:
    assert sentence_tone("") == 0.0
    assert -1 <= sentence_tone("A terrible, horrible war.") < -0.5


# ---- the fast paths give what the reference code gives -------------------------------------

TRICKY_SENTENCES = [
    "", "   ", "No, not good.", "It was not bad but it was never so great!!!", "VERY GOOD news",
    "The kind of deal nobody wanted.", "He is kind of bad, sort of.", "At least he tried; least good.",
    "It's the shit, the bomb, yeah right.", "Without doubt a great, GREAT success??",
    "I can't stand it; they're fed up.", "no good or nice", "Smile 😀 please :)",
    "“Brutal” and ‘evil’ — they said.", "ΣΑΣ İstanbul’s K test", "Don’t, won't, isn't.",
]


def _generated_sentences(n: int) -> list[str]:
    import random

    rng = random.Random(5)
    vocab = ["no", "not", "never", "so", "this", "without", "doubt", "least", "at", "very", "kind",
             "of", "sort", "but", "BUT", "GREAT", "great", "bad", "the", "shit", "bomb", "kiss",
             "death", "isn't", "good", "!", "?", "!!!", "extremely", "EXTREMELY", "fed", "up",
             "barely", "love", "hate", "or", "nor", ":)", "😀", "yeah", "right", "'great'", "kinda",
             "Σ", "İ", "’s", "sort-of", "Good!", "attack", "Russia", "killed"]
    return [" ".join(rng.choice(vocab) for _ in range(rng.randrange(14))) for _ in range(n)]


def _seed_sentences() -> list[str]:
    from framing.clean import clean
    from framing.ingest import load_articles

    return [s.text for a in load_articles([ROOT / "seeds"]) for s in clean(a).sentences]


def test_fast_compound_equals_vader_polarity_scores() -> None:
    from framing.target_tone import _compound_engine, _lexicon

    analyzer, fast = _lexicon()[0], _compound_engine()
    for text in TRICKY_SENTENCES + _seed_sentences() + _generated_sentences(3000):
        expected = float(analyzer.polarity_scores(text)["compound"]) if text.strip() else 0.0
        assert (fast(text) if text.strip() else 0.0) == expected, repr(text)



def test_compound_words_are_the_compound_and_the_split_words() -> None:
    from framing.target_tone import _lexicon, clear_caches, compound_words

    analyzer = _lexicon()[0]
    clear_caches()
    for text in TRICKY_SENTENCES + _seed_sentences() + _generated_sentences(1000) + ["\t \n"]:
        expected = float(analyzer.polarity_scores(text)["compound"]) if text.strip() else 0.0
        assert compound_words(text) == (expected, len(text.split())), repr(text)

def test_fast_compound_equals_vader_on_newsmtsc_sentences(bench_dir: Path) -> None:
    from framing.target_tone import _compound_engine, _lexicon

    analyzer, fast = _lexicon()[0], _compound_engine()
    for line in (bench_dir / "newsmtsc_dev.jsonl").read_text(encoding="utf-8").splitlines():
        text = json.loads(line)["sentence"]
        assert fast(text) == float(analyzer.polarity_scores(text)["compound"]), text


def _vader_vocabulary_sentences(n: int) -> list[str]:
    """Sentences mixing VADER's negators, boosters, idiom words and lexicon words, in any case
    and with punctuation, so that every rule of sentiment_valence fires near a valenced word."""
    import random

    import vaderSentiment.vaderSentiment as vader

    from framing.target_tone import _lexicon

    rng = random.Random(11)
    lexicon = sorted(_lexicon()[0].lexicon)
    special = sorted({*vader.NEGATE, *vader.BOOSTER_DICT, *vader.SPECIAL_CASES,
                      "no", "not", "never", "so", "this", "without", "doubt", "least", "at",
                      "very", "kind", "of", "but", "or", "nor", "the", "to", "die", "for"})
    words = []
    for _ in range(n):
        toks = [rng.choice(special if rng.random() < 0.5 else lexicon)
                for _ in range(rng.randrange(20))]
        toks = [t.upper() if rng.random() < 0.1 else t + rng.choice(",.!?") if rng.random() < 0.1
                else t for t in toks]
        words.append(" ".join(toks))
    return words


def test_fast_compound_equals_vader_next_to_negators_boosters_and_idioms() -> None:
    from framing.target_tone import _compound_engine, _lexicon

    analyzer, fast = _lexicon()[0], _compound_engine()
    for text in _vader_vocabulary_sentences(5000):
        expected = float(analyzer.polarity_scores(text)["compound"]) if text.strip() else 0.0
        assert (fast(text) if text.strip() else 0.0) == expected, repr(text)


def test_own_voice_and_quoted_tone_equal_those_of_every_sentence_split_at_its_quotes() -> None:
    import random

    from framing.tone import _split_quoted, _weighted_mean

    rng = random.Random(3)
    words = ["Iraq", "praised", "the", "deal", "terrible", "attack", "said", "good", "war", "on"]
    for _ in range(300):
        body = " ".join(rng.choice(words) + rng.choice(["", "", ".", ","]) for _ in range(60))
        quotes = []
        for _ in range(rng.randrange(5)):  # quotations anywhere, overlapping or not
            a = rng.randrange(len(body))
            b = min(len(body), a + rng.randrange(1, 80))
            quotes.append(Quote(a, b, body[a:b]))
        d = doc(body, quotes=tuple(quotes))
        own, quoted = [], []
        for s in d.sentences:  # the reference: every sentence through _split_quoted
            o, q = _split_quoted(d, s.start, s.end)
            own += [(sentence_tone(t), len(t.split())) for t in o if len(t.split()) >= 2]
            quoted += [(sentence_tone(t), len(t.split())) for t in q if len(t.split()) >= 1]
        tone = analyze([d], {"t": ()}).articles["t"]
        expected_own, expected_quoted = _weighted_mean(own), _weighted_mean(quoted)
        assert tone.own_voice == (None if expected_own is None else round(expected_own, 4))
        assert tone.quoted == (None if expected_quoted is None else round(expected_quoted, 4))


def test_sentence_tokens_equal_the_per_token_reference() -> None:
    from framing.target_tone import _TOKEN, _tokens

    for text in TRICKY_SENTENCES + _seed_sentences() + _generated_sentences(500):
        reference = [(m.group(0).lower().replace("’", "'"), m.start(), m.end())
                     for m in _TOKEN.finditer(text)]
        assert _tokens(text) == reference, repr(text)


def test_token_bounds_equal_the_token_pattern_on_random_texts() -> None:
    """The numpy scan of long batches finds the tone pattern's matches: words with inner
    apostrophes and hyphens, numbers with inner points and commas, any other character but
    whitespace alone (Unicode digits and spaces included)."""
    import random

    from framing.target_tone import _TOKEN, _token_bounds

    rng = random.Random(7)
    for alphabet in ("aZ'’-.,09 \n\t\u00a0é٣_x—“”", "ab'-c", "1.,2 3", "a"):
        for _ in range(3000):
            text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
            found = [(m.start(), m.end()) for m in _TOKEN.finditer(text)]
            starts, ends = _token_bounds(text)
            assert list(zip(starts.tolist(), ends.tolist(), strict=True)) == found, repr(text)
    words = ["Iran's", "U.S.-led", "1,200.50", "a--b", "'quote'", "well-known", "-", "—", "é"]
    text = " ".join(rng.choice(words) for _ in range(2000))
    assert [text[a:b] for a, b in zip(*(x.tolist() for x in _token_bounds(text)), strict=True)] \
        == _TOKEN.findall(text)


def _targets_in(sentences: list[str]) -> list[tuple[str, int, int]]:
    out = []
    for s in sentences:
        for m in re.finditer(r"[A-Z][a-z]+|\b(?:he|she|they|it)\b", s):
            out.append((s, m.start(), m.end()))
    return out


def test_feature_columns_give_the_decision_of_featurize() -> None:
    from framing.target_tone import _feature_columns

    model = load_model()
    cases = _targets_in(TRICKY_SENTENCES + _seed_sentences() + _generated_sentences(300))
    cases += [("", 0, 0), ("x", 0, 1), ("Smith", 0, 5), ("“He said” they", 1, 3)]
    long = "good " * 600 + "Smith was attacked " + "bad " * 600  # beyond 512 tokens each side
    cases += [(long, 3000, 3005), (long, 0, 4), (long, len(long) - 4, len(long) - 1)]
    expected = model.decision([featurize(s, a, b) for s, a, b in cases])
    rows = [_feature_columns(model.columns(), s, a, b) for s, a, b in cases]
    got = model.decision_columns(rows)
    # Same features and values, summed in another order: equal to the last bits of a float.
    assert np.allclose(got, expected, rtol=0, atol=1e-12)
    assert np.array_equal(got.argmax(axis=1), expected.argmax(axis=1))


def test_feature_columns_give_the_decision_of_featurize_on_newsmtsc(bench_dir: Path) -> None:
    from framing.target_tone import _feature_columns

    model = load_model()
    recs = [json.loads(x) for x in
            (bench_dir / "newsmtsc_dev.jsonl").read_text(encoding="utf-8").splitlines()]
    cases = [(r["sentence"], r["target_start"], r["target_end"]) for r in recs]
    expected = model.decision([featurize(s, a, b) for s, a, b in cases])
    rows = [_feature_columns(model.columns(), s, a, b) for s, a, b in cases]
    got = model.decision_columns(rows)
    # Same features and values, summed in another order: equal to the last bits of a float.
    assert np.allclose(got, expected, rtol=0, atol=1e-12)
    assert np.array_equal(got.argmax(axis=1), expected.argmax(axis=1))


def _batch_cases() -> list[tuple[str, int, int]]:
    cases = _targets_in(TRICKY_SENTENCES + _seed_sentences() + _generated_sentences(300))
    cases += [("", 0, 0), ("x", 0, 1), ("Smith", 0, 5), ("“He said” they", 1, 3),
              ("Smith _ said a_b __ c", 0, 5), ("The _ of Smith", 10, 15),
              ("“Hi” Smith", 30, 35), ("“Hi” “there, Jones said", 0, 3),  # (a span beyond)
              ("Smith met Jones", 10, 40), ("Ann hailed Bob", 0, 3),
              ("Smith praised them and was", 0, 5), ("Jones was praised, and was", 0, 5)]
    long = "good " * 600 + "Smith was attacked " + "bad " * 600  # beyond 512 tokens each side
    cases += [(long, 3000, 3005), (long, 0, 4), (long, len(long) - 4, len(long) - 1)]
    return cases


def _rows_agree(model: ToneModel, cases: list[tuple[str, int, int]], size: int) -> None:
    from framing.target_tone import _batch_rows, _feature_columns

    columns = model.columns()
    for lo in range(0, len(cases), size):
        batch = cases[lo:lo + size]
        data, cols, bounds = _batch_rows(columns, batch)
        for i, case in enumerate(batch):
            want = sorted((c, v) for c, v in _feature_columns(columns, *case).items() if v)
            got = list(zip(cols[bounds[i]:bounds[i + 1]].tolist(),
                           data[bounds[i]:bounds[i + 1]].tolist(), strict=True))
            assert got == want, case
        # The same class scores, bit for bit.
        expected = model.decision_columns([_feature_columns(columns, *c) for c in batch])
        assert model.decision_csr(data, cols, bounds).tobytes() == expected.tobytes()


def test_batch_rows_are_the_feature_columns_of_each_target() -> None:
    model = load_model()
    cases = _batch_cases()
    for size in (1, 5, 40, len(cases)):
        _rows_agree(model, cases, size)


def test_batch_rows_are_the_feature_columns_on_newsmtsc(bench_dir: Path) -> None:
    model = load_model()
    recs = [json.loads(x) for x in
            (bench_dir / "newsmtsc_dev.jsonl").read_text(encoding="utf-8").splitlines()]
    cases = [(r["sentence"], r["target_start"], r["target_end"]) for r in recs]
    _rows_agree(model, cases, 23)
    _rows_agree(model, cases, 600)


def test_sorted_keys_and_their_order_are_argsorts_both_ways() -> None:
    from framing.target_tone import _sort_keys

    rng = np.random.default_rng(7)
    for n, top in ((1, 1), (2, 1), (50, 5), (3000, 40), (3000, 1 << 40)):
        key = rng.integers(0, top, n, dtype=np.int64)  # many equal keys
        for bound in (top, 1 << 62):  # packed with the index; too large for that: argsort
            got, order = _sort_keys(key.copy(), bound)
            assert got.dtype == np.int64 and got.tolist() == np.sort(key).tolist()
            assert key[order].tolist() == got.tolist()
            assert sorted(order.tolist()) == list(range(n))
            if bound == top:  # equal keys keep their order
                assert order.tolist() == np.argsort(key, kind="stable").tolist()



def _valence_sentences(n: int) -> list[str]:
    """Sentences of negators, opposing words, "anti-" words, valenced words, clause breaks and
    quotation marks (the rules of _sentence_parts), in any case."""
    import random

    rng = random.Random(13)
    vocab = ["no", "not", "never", "without", "isn't", "fight", "against", "uproot", "battle",
             "anti-war", "anti-terror", "Anti-ISIS", "anti-good", "anti-", "terrorism", "good",
             "bad", "killed", "attack", "praised", "Smith", "said", ",", ";", "but", "who",
             '"', "“", "”", "«", "»", "the", "of", "Iraq’s", "don’t", "threats", "slammed",
             "3.5", "K", "Σ"]
    out = []
    for _ in range(n):
        words = [rng.choice(vocab) for _ in range(rng.randrange(16))]
        out.append(" ".join(w.upper() if rng.random() < 0.1 else w for w in words))
    return out


def test_batch_words_are_each_sentences_parts() -> None:
    from framing.target_tone import _Batch, _sentence_parts

    sentences = TRICKY_SENTENCES + _seed_sentences() + _valence_sentences(800) + [
        "Not good.", "They fight", "terrorism and no", "anti-war protests", "\u212a good",
        "a\nb not bad", "“no” war", ""]
    ascii_only = [s for s in sentences if "Σ" not in s and "\u212a" not in s and "İ" not in s]
    # (Batches with a sentence whose lower-cased form changes length, or with the Kelvin sign
    # or a capital sigma, take the per-sentence tokens; the others one split.)
    for group in (sentences, ascii_only):
        for size in (1, 2, 7, len(group)):
            for lo in range(0, len(group), size):
                batch = group[lo:lo + size]
                flat = _Batch(batch)
                for i, sentence in enumerate(batch):
                    words, starts, ends, vals, valenced, breaks, marks = _sentence_parts(sentence)
                    f, stop, at = int(flat.first[i]), int(flat.first[i + 1]), int(flat.base[i])
                    assert tuple(flat.words[f:stop]) == words, sentence
                    assert [x - at for x in flat.starts[f:stop].tolist()] == starts
                    assert [x - at for x in flat.ends[f:stop].tolist()] == ends
                    assert [(v, math.copysign(1, v)) for v in flat.vals[f:stop].tolist()] == [
                        (v, math.copysign(1, v)) for v in vals], sentence
                    got = flat.valenced[flat.v_first[i]:flat.v_first[i + 1]].tolist()
                    assert [j - f for j in got] == valenced
                    got = flat.breaks[flat.b_first[i]:flat.b_first[i + 1]].tolist()
                    assert [j - f for j in got] == breaks
                    got = flat.marks[flat.m_first[i]:flat.m_first[i + 1]].tolist()
                    assert [x - at for x in got] == marks


def test_batch_words_are_numbered_once_and_forgotten_on_reset() -> None:
    from framing.target_tone import _WORDS, _batch_rows

    model = load_model()
    cases = _batch_cases()
    data, cols, bounds = _batch_rows(model.columns(), cases)
    numbers = _WORDS.numbers(["good", "good", "smith"])
    assert numbers[0] == numbers[1] != numbers[2]
    assert _WORDS.words[numbers[2]] == "smith"
    _WORDS.reset()  # (the model's word ids by number follow)
    again = _batch_rows(model.columns(), cases)
    assert all(np.array_equal(a, b) for a, b in zip((data, cols, bounds), again, strict=True))


def test_but_check_equals_vaders_with_repeated_values_and_zeros() -> None:
    import random

    from framing.target_tone import _compound_engine, _lexicon

    analyzer, engine = _lexicon()[0], _compound_engine()
    rng = random.Random(17)
    for _ in range(5000):
        n = rng.randrange(1, 12)
        tokens = [rng.choice(["but", "But", "BUT,", "good", "bad", "x"]) for _ in range(n)]
        tokens[rng.randrange(n)] = "but"
        engine._read_tokens(tokens)
        # (Equal values are what makes the reference's list.index pick an earlier one.)
        sentiments = [rng.choice([0, 0, 0, 0.0, 1.5, -1.5, 2.0, 0.75, 3.0, -0.5])
                      for _ in range(n)]
        words = [engine._tokens[t][0] for t in tokens]
        expected = analyzer._but_check(words, list(sentiments))
        got = list(sentiments)
        engine._but_check(tokens, got)
        assert [float(x) for x in got] == [float(x) for x in expected], (tokens, sentiments)
        assert float(sum(got)) == float(sum(expected))


def test_no_idiom_pair_in_a_text_means_none_at_any_word() -> None:
    import random

    from framing.target_tone import _compound_engine

    engine = _compound_engine()
    rng = random.Random(19)
    words = ["the", "The", "bomb", "shit", "to", "die", "kind", "of", "sort", "kiss", "yeah",
             "right", "bad", "ass", "good", "x"]
    found = 0
    for _ in range(5000):
        tokens = [rng.choice(words) for _ in range(rng.randrange(2, 12))]
        engine._read_tokens(tokens)
        anywhere = any(engine._idiom_pair(tokens, i) for i in range(3, len(tokens)))
        if not engine._any_idiom_pair(tokens):
            assert not anywhere, tokens
        found += anywhere
    assert found > 500

# ---- the model file and its training script ------------------------------------------------


def synthetic_file(path: Path, n: int = 60) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for record in tone_records(n):
            fh.write(json.dumps(record) + "\n")
    return path


def test_json_export_reproduces_the_trained_estimator(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        from train_tone import read_records, train
    finally:
        sys.path.pop(0)
    records = read_records(synthetic_file(tmp_path / "train.jsonl"))
    model, clf, vec = train(records, min_df=1)
    reloaded = ToneModel.from_json(json.loads(json.dumps(model.to_json())))
    probe = [("Critics slammed Taylor over the failed deal.", "Taylor"),
             ("Voters praised Wilson for the success.", "Wilson"),
             ("Moore met officials.", "Moore")]
    feats = [featurize(s, s.index(t), s.index(t) + len(t)) for s, t in probe]
    expected = clf.predict_proba(vec.transform(feats))
    got = probabilities(reloaded.decision(feats))
    order = [list(clf.classes_).index(c) for c in (-1, 0, 1)]
    np.testing.assert_allclose(got, expected[:, order], atol=1e-4)


def test_training_script_runs_on_a_tiny_synthetic_file(tmp_path: Path) -> None:
    data = synthetic_file(tmp_path / "train.jsonl")
    out = tmp_path / "model.json"
    proc = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "train_tone.py"), "--train", str(data),
         "--dev", str(data), "--out", str(out), "--min-df", "1"],
        capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    model = ToneModel.from_json(json.loads(out.read_text()))
    sentences = ["Critics slammed Davis over the failed deal.", "Voters praised Davis."]
    preds = predict(sentences, [(16, 21), (15, 20)], model=model)
    assert [p for p, _ in preds] == [-1, 1]


def test_shipped_model_is_plain_json_with_three_classes() -> None:
    text = (ROOT / "framing" / "models" / "tone_v1.json").read_text(encoding="utf-8")
    data = json.loads(text)
    assert data["classes"] == [-1, 0, 1]
    assert len(data["coef"]) == 3 and len(data["coef"][0]) == len(data["features"])
    assert load_model().coef.shape == (3, len(data["features"]))


@pytest.mark.bench
@pytest.mark.slow
def test_shipped_model_equals_one_retrained_from_newsmtsc(bench_dir: Path) -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        from train_tone import DEFAULT_C, DEFAULT_MIN_DF, read_records, train, with_further_mentions
    finally:
        sys.path.pop(0)
    shipped = load_model()
    meta = shipped.meta or {}
    records = read_records(bench_dir / "newsmtsc_train.jsonl")
    if meta.get("further_mentions"):
        records = with_further_mentions(records)
    _, clf, vec = train(records, C=meta.get("C", DEFAULT_C), min_df=meta.get("min_df", DEFAULT_MIN_DF))
    dev = read_records(bench_dir / "newsmtsc_dev.jsonl")[:50]
    feats = [featurize(r["sentence"], r["target_start"], r["target_end"]) for r in dev]
    expected = clf.predict_proba(vec.transform(feats))
    order = [list(clf.classes_).index(c) for c in (-1, 0, 1)]
    got = probabilities(shipped.decision(feats))
    np.testing.assert_allclose(got, expected[:, order], atol=1e-3)


# ---- the seed event --------------------------------------------------------------------------


def _by_outlet(analysis) -> dict:
    return {d.article.outlet: analysis.tone.articles[d.id] for d in analysis.documents
            if d.article.outlet}


def test_seed_us_is_portrayed_worse_by_press_tv_and_zerohedge_than_by_ap(seed_analysis) -> None:
    tone = _by_outlet(seed_analysis)
    # Margin 0.15: ZeroHedge's lead over AP is 0.17 with the v2 transformer (0.27 with v1), Press
    # TV's 0.44; a smaller gap would be within a sentence or two of noise.
    ap = tone["AP"].actor_tone["United States"]
    assert tone["Press TV"].actor_tone["United States"] < ap - 0.15
    assert tone["ZeroHedge"].actor_tone["United States"] < ap - 0.15


def test_seed_russia_is_portrayed_better_than_the_us_in_zerohedge(seed_analysis) -> None:
    zh = _by_outlet(seed_analysis)["ZeroHedge"].actor_tone
    assert zh["Russia"] > 0 > zh["United States"]


def test_seed_main_actors_lead_with_iraq_russia_and_the_us(seed_analysis) -> None:
    assert set(seed_analysis.tone.actors[:3]) == {"Iraq", "Russia", "United States"}


def test_seed_every_actor_cell_opens_onto_its_evidence(seed_analysis) -> None:
    for doc in seed_analysis.documents:
        tone = seed_analysis.tone.articles[doc.id]
        assert len(tone.sentence_scores) == len(doc.sentences)
        for actor in tone.actor_tone:
            for e in tone.evidence[actor]:
                assert doc.body[e.start : e.end] == e.mention
                assert e.sentence_text == doc.sentences[e.sentence].text


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("abc XYZ.,'\"-“”’USIraqMoscow\n")), max_size=200))
def test_any_text_gives_bounded_scores_and_valid_evidence(body: str) -> None:
    d = doc(body)
    tone = analyze([d], {"t": find_mentions(d)}).articles["t"]
    assert all(-1 <= s <= 1 for s in tone.sentence_scores)
    for actor, score in tone.actor_tone.items():
        assert -1 <= score <= 1
        for e in tone.evidence[actor]:
            assert body[e.start : e.end] == e.mention


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=120), st.data())
def test_any_target_span_gets_a_polarity_and_bounded_score(sentence: str, data) -> None:
    if not sentence:
        return
    start = data.draw(st.integers(0, len(sentence) - 1))
    end = data.draw(st.integers(start + 1, len(sentence)))
    ((polarity, score),) = score_targets(
        [{"sentence": sentence, "target_start": start, "target_end": end}]
    )
    assert polarity in (-1, 0, 1) and -1 <= score <= 1
