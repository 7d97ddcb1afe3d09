"""Train-holdout figures of written tone models, as reported in this folder's README.

    .venv/bin/python docs/experiments/minilm-tone/v3/holdout_figures.py NAME=a.onnx[,b.onnx...] ...

Each NAME is one candidate: its files' probabilities averaged, as framing runs several models.
Prints macro-F1 on the 872-target train holdout (all, and the 198 targets whose sentence has
several), accuracy, mean top probability, expected calibration error (10 bins) and the mean
absolute score P(positive) - P(negative) that users see.
"""

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[4]
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
import onnxruntime as ort  # noqa: E402
import train_tone_transformer as T  # noqa: E402

from framing.transformer_tone import class_probabilities  # noqa: E402

_, hold = T.split(T.load(ROOT.parent / "shared/bench/newsmtsc_train.jsonl"))
polarity = np.array([r["polarity"] for r in hold])
y = polarity + 1  # class index
per_sentence = Counter(r["sentence"] for r in hold)
multi = np.array([per_sentence[r["sentence"]] >= 2 for r in hold])
inputs = T.encode_rows(hold)
options = ort.SessionOptions()
options.intra_op_num_threads = 1


def ece(p: np.ndarray, bins: int = 10) -> float:
    conf, right = p.max(1), p.argmax(1) == y
    edges = np.linspace(0, 1, bins + 1)
    return sum(
        m.mean() * abs(conf[m].mean() - right[m].mean())
        for lo, hi in zip(edges[:-1], edges[1:], strict=True)
        if (m := (conf > lo) & (conf <= hi)).any()
    )


for arg in sys.argv[1:]:
    name, files = arg.split("=", 1)
    sessions = [ort.InferenceSession(f, options, providers=["CPUExecutionProvider"])
                for f in files.split(",")]
    p = class_probabilities(inputs, sessions)
    pred = p.argmax(1)
    f1_all = T.macro_f1(polarity, pred - 1)
    f1_multi = T.macro_f1(polarity[multi], pred[multi] - 1)
    print(f"{name}: macro-F1 {f1_all:.4f} (several targets {f1_multi:.4f}),"
          f" accuracy {(pred == y).mean():.3f}, mean top probability {p.max(1).mean():.3f},"
          f" ECE {ece(p):.3f}, mean |score| {np.abs(p[:, 2] - p[:, 0]).mean():.3f}")
