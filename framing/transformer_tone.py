"""Target-dependent tone with a fine-tuned transformer: the default model for tone toward actors.

The model is all-MiniLM-L6-v2 (a 6-layer, 384-wide BERT; Wang et al. 2020, sentence-transformers;
Apache-2.0), fine-tuned on NewsMTSC train (Hamborg & Donnay, EACL 2021; MIT licence) to read a
sentence and a target in it and give P(negative), P(neutral), P(positive).  Two fine-tuning runs
(seeds 0 and 1) are shipped, each as one ONNX file with int8 weights
(``framing/models/tone_minilm_v2_seed*.onnx``, 23 MB each), and their probabilities averaged;
with the model's own WordPiece tokenizer (``minilm_tokenizer.json``) they run on the CPU with
onnxruntime: no torch, no pickle, no network.  ``scripts/train_tone_transformer.py`` trains,
exports and quantises them (``framing/models/README.md`` says how, and where the base weights
come from).

Input, the same in training and here (:func:`encode`): the sentence with the target replaced by
``[MASK]`` (``[MASK] said ...``), and the sentence's other mentions of the same actor by name
too, so that the model judges how the sentence portrays the target, not who the target is;
sentences longer than 96 tokens are cut to a window centred on it.  The head reads the
``[CLS]`` vector and the vector of the ``[MASK]`` token.  The rule of
:func:`framing.target_tone.opposed_rule` is applied on top, as for the linear model.

Cost: about 6 CPU ms per target (two models), against about 0.06 ms for the linear model of
:mod:`framing.target_tone`; corpus mode therefore uses the linear model unless asked otherwise
(``Settings.tone_model``).

Example:
    >>> from framing.transformer_tone import predict
    >>> polarity, score = predict(["Critics accused the minister of lying."], [(20, 28)])[0]
    >>> polarity in (-1, 0, 1) and -1.0 <= score <= 1.0
    True
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

import numpy as np

from .target_tone import Target, cached_predictions, opposed_rule, probabilities

#: The shipped models: one fine-tuning run per seed; their probabilities are averaged.
MODEL_FILES = ("tone_minilm_v2_seed0.onnx", "tone_minilm_v2_seed1.onnx")
TOKENIZER_FILE = "minilm_tokenizer.json"
#: Class order of the model's three outputs.
CLASSES = (-1, 0, 1)
#: Longest input in tokens, special tokens included (as in training: NewsMTSC sentences average
#: 41 tokens; 96 keeps all but the longest whole).
MAX_TOKENS = 96
_CLS, _SEP = 101, 102
_MASK_TEXT = "[MASK]"

_predictions: dict[Target, tuple[int, float]] = {}


@dataclass(frozen=True)
class Encoded:
    """One model input: token ids and the target's token range ``[t0, t1)`` (one segment, so
    the segment ids are all 0)."""

    ids: tuple[int, ...]
    t0: int
    t1: int


@cache
def _tokenizer():
    from tokenizers import Tokenizer

    text = resources.files("framing").joinpath("models", TOKENIZER_FILE).read_text("utf-8")
    tok = Tokenizer.from_str(text)
    tok.no_truncation()
    tok.no_padding()
    return tok


@cache
def _sessions() -> tuple:
    import onnxruntime as ort

    options = ort.SessionOptions()
    # One thread: inputs run one at a time, too small to share out, and corpus workers (one
    # process per core) must not compete for the same cores.
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    models = resources.files("framing").joinpath("models")
    return tuple(
        ort.InferenceSession(models.joinpath(name).read_bytes(), options,
                             providers=["CPUExecutionProvider"])
        for name in MODEL_FILES
    )


#: Words that start a capitalised mention without making it a name: pronouns and determiners.
_NOT_NAMES = frozenset(
    "he she it they we i you his her hers its their theirs our my your him them us me himself "
    "herself itself themselves the a an this that these those".split()
)


def name_spans(mentions: Sequence[Sequence]) -> list[tuple[int, int]]:
    """The spans, among other mentions of a target given as ``(start, end, text)`` (NewsMTSC's
    ``further_mentions``), that name it: a capitalised word other than a pronoun or determiner
    ("Trump", "Mrs. Clinton", "the President"; not "he", "His", "the president").

    These are the mentions framing's actor finder would find (it does not resolve pronouns), so
    training and evaluation mask what analysis masks.

    Example:
        >>> name_spans([(0, 2, "He"), (10, 15, "Trump"), (20, 33, "the president")])
        [(10, 15)]
    """
    return [
        (int(m[0]), int(m[1])) for m in mentions
        if any(w[:1].isupper() and w.lower() not in _NOT_NAMES for w in str(m[2]).split())
    ]


def encode(
    sentence: str, start: int, end: int, others: Sequence[tuple[int, int]] = ()
) -> Encoded:
    """The model input for the target ``sentence[start:end]``: the sentence with the target, and
    the ``others`` spans (other mentions of the same actor by name), replaced by ``[MASK]``, cut
    to a window of at most :data:`MAX_TOKENS` centred on the target.

    The target's names are hidden so that the model reads how the sentence portrays it, not who
    it is: a model that saw the name learned from NewsMTSC's US political news that some names
    (Russia, say) are usually negative.  Other mentions of the same actor are hidden too
    ("[MASK] said Moscow would ..." would still tell Russia); only the target's own tokens feed
    the head.  Spans overlapping the target or each other are ignored.

    Example:
        >>> e = encode("Critics accused the minister of lying.", 20, 28)
        >>> e.ids[0], e.ids[e.t0], e.t1 - e.t0
        (101, 103, 1)
        >>> e = encode("Iran said Iran would reply.", 0, 4, [(10, 14)])
        >>> e.ids.count(103)
        2
    """
    spans = [(start, end, True)]
    for a, b in sorted(others):
        if 0 <= a < b <= len(sentence) and all(b <= x or a >= y for x, y, _ in spans):
            spans.append((a, b, False))
    parts, pos, a = [], 0, 0
    for x, y, is_target in sorted(spans):
        parts.append(sentence[pos:x])
        if is_target:
            a = sum(map(len, parts))
        parts.append(_MASK_TEXT)
        pos = y
    parts.append(sentence[pos:])
    text = "".join(parts)
    b = a + len(_MASK_TEXT)
    enc = _tokenizer().encode(text, add_special_tokens=False)
    ids = enc.ids
    inside = [i for i, (x, y) in enumerate(enc.offsets) if x < b and y > a]
    t0, t1 = (inside[0], inside[-1] + 1) if inside else (0, 1)
    room = MAX_TOKENS - 2
    if len(ids) > room:
        s0 = max(0, min((t0 + t1) // 2 - room // 2, len(ids) - room))
        ids = ids[s0:s0 + room]
        t0, t1 = max(t0 - s0, 0), t1 - s0
        t1 = min(max(t1, t0 + 1), room)
    return Encoded(ids=(_CLS, *ids, _SEP), t0=t0 + 1, t1=t1 + 1)


def class_probabilities(inputs: Sequence[Encoded], sessions: Sequence | None = None) -> np.ndarray:
    """P(negative), P(neutral), P(positive) for each input, shape (n, 3): the mean of the models'
    softmax outputs (``sessions``: onnxruntime sessions of other model files; default, the shipped
    ones).

    Inputs run one at a time, not in batches: the int8 models quantise their activations with a
    scale taken over the whole input tensor, so in a batch a target's result would depend on the
    other inputs (3% of NewsMTSC dev's polarities changed with the batch); alone it depends only
    on its own sentence and span, and costs the same (3.2 CPU ms a target and model on one
    thread, against 3.4 in batches of 32).
    """
    out = np.zeros((len(inputs), len(CLASSES)), dtype=np.float64)
    sessions = sessions or _sessions()
    for row, e in enumerate(inputs):
        ids = np.array([e.ids], dtype=np.int64)
        target = np.zeros(ids.shape, dtype=np.float32)
        target[0, e.t0:e.t1] = 1.0
        feed = {"input_ids": ids, "token_type_ids": np.zeros_like(ids),
                "attention_mask": np.ones_like(ids), "target_mask": target}
        out[row] = sum(probabilities(s.run(None, feed)[0])[0] for s in sessions)
    return out / len(sessions)


def predict(
    sentences: Sequence[str],
    spans: Sequence[tuple[int, int]],
    others: Sequence[Sequence[tuple[int, int]]] | None = None,
) -> list[tuple[int, float]]:
    """Polarity (-1, 0, 1) and score in [-1, 1] toward each target, in one batch.

    ``others[i]``: spans of other mentions of target ``i``'s actor in its sentence, masked too
    (see :func:`encode`); none by default.  The score is P(positive) - P(negative); the polarity
    is the most probable class; then :func:`framing.target_tone.opposed_rule` (what is fought is
    not portrayed favourably).  A target seen before (the same sentence and spans, as in wire
    copies) is not run again.
    """
    if others is None:
        others = [()] * len(sentences)
    return cached_predictions(_predictions, sentences, spans, _predict, others)


def _predict(targets: list[Target]) -> list[tuple[int, float]]:
    p = class_probabilities([encode(*t) for t in targets])
    best = np.asarray(CLASSES)[p.argmax(axis=1)]
    score = p[:, CLASSES.index(1)] - p[:, CLASSES.index(-1)]
    return [
        opposed_rule(t[0], t[1], int(c), float(s))
        for t, c, s in zip(targets, best, score, strict=True)
    ]


def clear_caches() -> None:
    """Forget every per-target result (for benchmarks that must not reuse them)."""
    _predictions.clear()
