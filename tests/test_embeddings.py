"""framing.embeddings: offline word-piece vectors."""

import logging
import subprocess
import sys

import numpy as np
import pytest

from framing import embeddings


def test_the_table_loads_from_the_installed_wheel_without_the_network(no_network):
    embeddings._model.cache_clear()
    embeddings._PIECES.clear()
    assert embeddings.table().shape == (32000, embeddings.DIM)
    assert embeddings.word_pieces(["assassination"])[0]


def test_loading_the_table_leaves_the_callers_logging_alone():
    # importing the wordllama package runs logging.basicConfig(level=INFO): a program using
    # framing would then print every library's INFO messages (kaleido's, at each PNG export)
    code = (
        "import logging; from framing import embeddings; embeddings.table(); "
        "root = logging.getLogger(); print(len(root.handlers), root.level)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["0", str(logging.WARNING)]


def test_word_vectors_are_unit_length_and_zero_without_pieces():
    vectors = embeddings.word_vectors(["troops", ""])
    assert np.linalg.norm(vectors[0]) == pytest.approx(1.0, abs=1e-5)
    assert not vectors[1].any()


def test_related_words_are_nearer_than_unrelated_ones():
    killing, assassination, meeting = embeddings.word_vectors(
        ["killing", "assassination", "meeting"]
    )
    assert float(assassination @ killing) > float(assassination @ meeting) + 0.2


def test_a_word_has_the_pieces_it_has_after_a_space_in_running_text():
    tokenizer, _ = embeddings._model()
    running = tokenizer.encode("the regime", add_special_tokens=False).ids
    assert running[-len(embeddings.word_pieces(["regime"])[0]) :] == list(
        embeddings.word_pieces(["regime"])[0]
    )


def test_word_pieces_are_remembered_and_the_table_is_read_only():
    embeddings.word_pieces(["saber-rattling"])
    assert "saber-rattling" in embeddings._PIECES
    with pytest.raises(ValueError):
        embeddings.table()[0, 0] = 1.0
