"""Static word-piece vectors, offline: WordLlama's 256-dimension ``l2_supercat`` table.

WordLlama (MIT licence, https://github.com/dleemiller/WordLlama) ships, inside its wheel, a
32,000 x 256 table of token vectors distilled from the input embeddings of several large
language models, with the Llama 2 tokenizer that indexes it. Nothing is downloaded: both files are
read from the installed package. (``WordLlama.load()`` itself looks for the tokenizer in the wrong
folder and then tries Hugging Face, so this module opens the two files directly.)

The vectors are *static*: a word piece has one vector whatever its context. They carry what a word
usually means ("assassination" is nearer "killing" than "meeting"), which lets a model trained on a
few thousand labelled examples generalise to words it never saw in training.

Example:
    >>> import numpy as np
    >>> v = text_vector("The regime slammed the protesters.")
    >>> v.shape, round(float(np.linalg.norm(v)), 3)
    ((256,), 1.0)
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

import numpy as np

from framing.errors import FramingError

DIM = 256


@dataclass(frozen=True)
class TokenVectors:
    """The word pieces of one text with their character offsets and vectors.

    Attributes:
        starts: start offset of each piece in the text (int32).
        ends: end offset of each piece (int32).
        vectors: one row per piece (float32, not normalised).
    """

    starts: np.ndarray
    ends: np.ndarray
    vectors: np.ndarray

    def mean(self, start: int = 0, end: int | None = None) -> np.ndarray:
        """Unit-length mean of the pieces that lie inside ``[start, end)``; zeros if none."""
        end = int(self.ends[-1]) if end is None and len(self.ends) else (end or 0)
        keep = (self.starts >= start) & (self.ends <= end)
        return _unit(self.vectors[keep].sum(axis=0)) if keep.any() else np.zeros(DIM, np.float32)


@cache
def _model():
    # Rust worker threads in the tokenizer do not survive the process pool's fork; one text at a
    # time is fast enough (about 1 ms for a 700-word article).
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    try:
        from safetensors import safe_open
        from tokenizers import Tokenizer
    except ImportError as exc:  # pragma: no cover - both are dependencies of wordllama
        raise FramingError(f"word vectors need the 'wordllama' package: {exc}") from None
    try:
        root = resources.files("wordllama")
    except ModuleNotFoundError:
        raise FramingError(
            "word vectors need the 'wordllama' package; reinstall framing with its dependencies"
        ) from None
    tokenizer = Tokenizer.from_file(str(root / "tokenizers" / "l2_supercat_tokenizer_config.json"))
    with safe_open(str(root / "weights" / "l2_supercat_256.safetensors"), framework="np") as f:
        table = f.get_tensor("embedding.weight").astype(np.float32)
    return tokenizer, table


@lru_cache(maxsize=32)
def token_vectors(text: str) -> TokenVectors:
    """Split ``text`` into word pieces and look up their vectors.

    Cached for the last few texts, so modules that each need an article's vectors (vocabulary,
    tone) tokenise it once; the arrays are read-only.
    """
    tokenizer, table = _model()
    enc = tokenizer.encode(text, add_special_tokens=False)
    offsets = np.asarray(enc.offsets, dtype=np.int32).reshape(-1, 2)
    starts = offsets[:, 0].copy()
    # A piece that begins a word carries the space before it ("▁regime" spans " regime").
    spaced = np.fromiter((text[i].isspace() for i in starts), bool, len(starts))
    starts[spaced & (starts + 1 < offsets[:, 1])] += 1
    vectors = table[np.asarray(enc.ids, dtype=np.int64)]
    ends = offsets[:, 1].copy()
    for array in (starts, ends, vectors):
        array.flags.writeable = False
    return TokenVectors(starts, ends, vectors)


def text_vector(text: str) -> np.ndarray:
    """Unit-length mean vector of a text's word pieces (zeros for an empty text)."""
    tokenizer, table = _model()
    ids = tokenizer.encode(text, add_special_tokens=False).ids
    return _unit(table[ids].sum(axis=0)) if ids else np.zeros(DIM, np.float32)


def texts_vectors(texts: list[str]) -> np.ndarray:
    """:func:`text_vector` for many texts at once (one row each), tokenised in one batch."""
    tokenizer, table = _model()
    out = np.zeros((len(texts), DIM), np.float32)
    for row, enc in enumerate(tokenizer.encode_batch(texts, add_special_tokens=False)):
        if enc.ids:
            out[row] = _unit(table[enc.ids].sum(axis=0))
    return out


def _unit(v: np.ndarray) -> np.ndarray:
    norm = float(np.linalg.norm(v))
    return (v / norm).astype(np.float32) if norm > 0 else v.astype(np.float32)
