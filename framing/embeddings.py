"""Static word-piece vectors, offline: WordLlama's 256-dimension ``l2_supercat`` table.

WordLlama (MIT licence, https://github.com/dleemiller/WordLlama) ships, inside its wheel, a
32,000 x 256 table of token vectors distilled from the input embeddings of several large
language models, with the Llama 2 tokenizer that indexes it. Nothing is downloaded: both files are
read from the installed package. (``WordLlama.load()`` itself looks for the tokenizer in the wrong
folder and then tries Hugging Face, so this module opens the two files directly.)

The vectors are *static*: a word piece has one vector whatever its context. They carry what a word
usually means ("assassination" is nearer "killing" than "meeting"), which lets a model trained on
a few thousand examples generalise to words it never saw (:mod:`framing.induced`; the optional
word-vector features of :mod:`framing.target_tone`).

A word's vector is the sum of the vectors of its pieces, the tokenizer run on the word alone
(as after a space in running text: ``"regime"`` -> ``▁regime``), so each piece weighs by its
vector's length as in WordLlama's own pooling, and short function-word vectors count little.

Example:
    >>> import numpy as np
    >>> killing, assassination, meeting = word_vectors(["killing", "assassination", "meeting"])
    >>> bool(assassination @ killing > assassination @ meeting)
    True
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path

import numpy as np

from framing.errors import FramingError

DIM = 256
#: Distinct words whose pieces are remembered: bounds memory on a long corpus run (a few MB).
_MAX_CACHE = 200_000
_PIECES: dict[str, tuple[int, ...]] = {}


@cache
def _model():
    # Rust worker threads in the tokenizer do not survive the process pool's fork; words are
    # tokenised one call each anyway (4 us a word, against 6-27 us in a batch call).
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    try:
        from safetensors import safe_open
        from tokenizers import Tokenizer

        # the package's folder, found without importing it: importing wordllama runs
        # logging.basicConfig(level=INFO), which would turn on every library's INFO messages
        spec = importlib.util.find_spec("wordllama")
        if spec is None or not spec.submodule_search_locations:
            raise ImportError("wordllama")
        root = Path(spec.submodule_search_locations[0])
    except ImportError:
        raise FramingError(
            "word vectors need the 'wordllama' package; reinstall framing with its dependencies"
        ) from None
    tokenizer = Tokenizer.from_file(str(root / "tokenizers" / "l2_supercat_tokenizer_config.json"))
    with safe_open(str(root / "weights" / "l2_supercat_256.safetensors"), framework="np") as f:
        table = f.get_tensor("embedding.weight").astype(np.float32)
    table.flags.writeable = False
    return tokenizer, table


def table() -> np.ndarray:
    """The 32,000 x 256 piece-vector table (float32, read-only; loaded once, about 0.1 s)."""
    return _model()[1]


def word_pieces(words: Iterable[str]) -> list[tuple[int, ...]]:
    """The piece ids of each word, tokenised alone (``"regime"`` -> ``▁regime``).

    Words met before are looked up; only new ones are tokenised (news vocabulary repeats).

    Example:
        >>> [len(p) > 0 for p in word_pieces(["regime", ""])]
        [True, False]
    """
    words = list(words)
    out = list(map(_PIECES.get, words))
    if None not in out:
        return out  # type: ignore[return-value]  # every word was found
    encode = _model()[0].encode
    fresh = {
        w: tuple(encode(w, add_special_tokens=False).ids)
        for w in {w for w, ids in zip(words, out, strict=True) if ids is None}
    }
    if len(_PIECES) < _MAX_CACHE:
        _PIECES.update(fresh)
    return [fresh[w] if ids is None else ids for w, ids in zip(words, out, strict=True)]


def word_vectors(words: Sequence[str]) -> np.ndarray:
    """Unit-length sum of each word's piece vectors, one row per word (zeros for no pieces)."""
    vectors = table()
    out = np.zeros((len(words), DIM), np.float32)
    for row, ids in enumerate(word_pieces(words)):
        if ids:
            v = vectors[list(ids)].sum(axis=0)
            norm = float(np.linalg.norm(v))
            if norm > 0:
                out[row] = v / norm
    return out
