"""framing.embeddings: offline word-piece vectors."""

import numpy as np

from framing import embeddings


def test_text_vector_is_unit_length_and_zero_for_empty_text():
    assert abs(float(np.linalg.norm(embeddings.text_vector("Troops left the city."))) - 1) < 1e-5
    assert not embeddings.text_vector("").any()


def test_related_words_are_nearer_than_unrelated_ones():
    killing, assassination, meeting = embeddings.texts_vectors(
        ["killing", "assassination", "meeting"]
    )
    assert float(assassination @ killing) > float(assassination @ meeting) + 0.2


def test_piece_offsets_exclude_the_space_before_a_word():
    text = "The regime slammed\nthe protesters."
    tv = embeddings.token_vectors(text)
    assert [text[s:e] for s, e in zip(tv.starts, tv.ends, strict=True)][:2] == ["The", "regime"]
    assert tv.mean(4, 10).any() and not tv.mean(0, 0).any()


def test_batch_and_single_vectors_agree():
    texts = ["Iraq considers deeper ties with Russia.", "Officials said."]
    assert np.allclose(embeddings.texts_vectors(texts), [embeddings.text_vector(t) for t in texts])
