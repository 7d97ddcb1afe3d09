"""Exp 1: frozen MiniLM + pooled features + logistic regression. Usage: exp1_frozen.py encode STYLE | speed | fit"""
import sys, time, json
import numpy as np, torch
from common import *
from transformers import BertModel

W = 8  # context window (tokens) each side of the target

def feats(model, tok, rows, style, bs=64):
    enc = encode_rows(tok, rows, style, max_len=128)
    order = np.argsort([len(e[0]) for e in enc])
    F = np.zeros((len(rows), 5 * 384), dtype=np.float32)
    with torch.inference_mode():
        for k in range(0, len(order), bs):
            idx = order[k:k + bs]; sub = [enc[i] for i in idx]
            ids, tt, am = batchify(sub)
            H = model(input_ids=ids, token_type_ids=tt, attention_mask=am).last_hidden_state.numpy()
            for j, i in enumerate(idx):
                full, _, t0, t1 = sub[j]; n = len(full); h = H[j]
                def m(a, b):
                    a, b = max(a, 1), min(b, n - 1)
                    return h[a:b].mean(0) if b > a else np.zeros(384, np.float32)
                F[i] = np.concatenate([m(t0, t1), m(t0 - W, t0), m(t1, t1 + W), h[0], h[1:n - 1].mean(0)])
    return F

def load_model():
    m = BertModel.from_pretrained(MODEL_DIR, local_files_only=True); m.eval(); return m

if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "encode":
        style = sys.argv[2]; torch.set_num_threads(2)
        model, tok = load_model(), get_tok()
        for sp in ["train", "dev"]:
            t = time.time(); F = feats(model, tok, load(sp), style)
            np.save(f"/tmp/mt/feat_{style}_{sp}.npy", F); print(sp, style, F.shape, f"{time.time()-t:.1f}s", flush=True)
    elif cmd == "speed":
        model, tok = load_model(), get_tok(); rows = load("dev")[:256]
        for nt in [1, 2]:
            torch.set_num_threads(nt)
            for bs in [1, 32]:
                feats(model, tok, rows[:32], "bracket", bs=bs)  # warm
                t, c = time.time(), time.process_time(); feats(model, tok, rows, "bracket", bs=bs)
                w, cp = time.time() - t, time.process_time() - c
                print(f"threads={nt} batch={bs}: wall {len(rows)/w:.1f} sent/s ({1000*w/len(rows):.1f} ms/sent), cpu {1000*cp/len(rows):.1f} cpu-ms/sent", flush=True)
