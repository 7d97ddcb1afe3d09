"""Exp 2/3: fine-tune MiniLM-L6 (all-MiniLM-L6-v2 weights) for target-dependent sentiment on NewsMTSC.
Input: "[CLS] sentence-with-[ target ]-brackets [SEP] target [SEP]", max 96 tokens.
Head: dropout + linear on concat([CLS], mean of target tokens) -> 3 classes.
10% of train (grouped by sentence, seed 0) held out to choose the epoch; dev evaluated once with the chosen epoch.
Usage: exp2_finetune.py --tag NAME [--epochs 3] [--lr 5e-5] [--bs 16] [--freeze K (freeze embeddings+layers 0..K-1)] [--limit N (timing only)] [--threads 2]"""
import argparse, time, json, random
import numpy as np, torch
from common import *
from transformers import BertModel

ap = argparse.ArgumentParser()
ap.add_argument("--tag", required=True); ap.add_argument("--epochs", type=int, default=3)
ap.add_argument("--lr", type=float, default=5e-5); ap.add_argument("--bs", type=int, default=16)
ap.add_argument("--freeze", type=int, default=0); ap.add_argument("--limit", type=int, default=0)
ap.add_argument("--threads", type=int, default=2); ap.add_argument("--seed", type=int, default=0); ap.add_argument("--no-dev", action="store_true")
a = ap.parse_args()
torch.set_num_threads(a.threads); torch.manual_seed(a.seed); random.seed(a.seed); np.random.seed(a.seed)

class Clf(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.bert = BertModel.from_pretrained(MODEL_DIR, local_files_only=True, add_pooling_layer=False)
        self.drop = torch.nn.Dropout(0.1); self.out = torch.nn.Linear(2 * 384, 3)
    def forward(self, ids, tt, am, tmask):
        h = self.bert(input_ids=ids, token_type_ids=tt, attention_mask=am).last_hidden_state
        tgt = (h * tmask[..., None]).sum(1) / tmask.sum(1, keepdim=True).clamp(min=1)
        return self.out(self.drop(torch.cat([h[:, 0], tgt], -1)))

def tensors(enc):
    ids, tt, am = batchify(enc); tm = torch.zeros(ids.shape, dtype=torch.float)
    for i, (_, _, t0, t1) in enumerate(enc): tm[i, t0:t1] = 1
    return ids, tt, am, tm

def predict(model, enc, bs=64):
    model.eval(); order = np.argsort([len(e[0]) for e in enc]); P = np.zeros(len(enc), int)
    with torch.inference_mode():
        for k in range(0, len(enc), bs):
            idx = order[k:k + bs]; P[idx] = model(*tensors([enc[i] for i in idx])).argmax(-1).numpy()
    return np.array(LABELS)[P]

tok = get_tok(); rows = load("train")
sents = sorted(set(r["sentence"] for r in rows)); rng = random.Random(0); rng.shuffle(sents)
hold = set(sents[: len(sents) // 10])
tr = [r for r in rows if r["sentence"] not in hold]; ho = [r for r in rows if r["sentence"] in hold]
if a.limit: tr = tr[: a.limit]
enc_tr = encode_rows(tok, tr, "bracket", 96, pair=True); enc_ho = encode_rows(tok, ho, "bracket", 96, pair=True)
y_tr = torch.tensor([LABELS.index(r["polarity"]) for r in tr]); y_ho = np.array([r["polarity"] for r in ho])
print(f"train {len(tr)} holdout {len(ho)}", flush=True)

model = Clf()
if a.freeze:
    for p in model.bert.embeddings.parameters(): p.requires_grad = False
    for l in model.bert.encoder.layer[: a.freeze]:
        for p in l.parameters(): p.requires_grad = False
params = [p for p in model.parameters() if p.requires_grad]
print("trainable params", sum(p.numel() for p in params), flush=True)
opt = torch.optim.AdamW(params, lr=a.lr, weight_decay=0.01)
steps = a.epochs * ((len(tr) + a.bs - 1) // a.bs); warm = int(0.1 * steps)
sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min((s + 1) / max(warm, 1), max(0.0, (steps - s) / max(steps - warm, 1))))
best = (-1, 0, None); log = []
for ep in range(1, a.epochs + 1):
    model.train(); t0, c0 = time.time(), time.process_time()
    perm = np.random.permutation(len(tr))
    chunks = [sorted(perm[i:i + a.bs * 50], key=lambda j: len(enc_tr[j][0])) for i in range(0, len(perm), a.bs * 50)]
    batches = [c[i:i + a.bs] for c in chunks for i in range(0, len(c), a.bs)]; random.shuffle(batches)
    tot = 0.0
    for bi, b in enumerate(batches):
        loss = torch.nn.functional.cross_entropy(model(*tensors([enc_tr[j] for j in b])), y_tr[b])
        opt.zero_grad(); loss.backward(); torch.nn.utils.clip_grad_norm_(params, 1.0); opt.step(); sched.step(); tot += loss.item()
        if bi % 100 == 0: print(f"  ep{ep} batch {bi}/{len(batches)} loss {tot/(bi+1):.4f} {time.time()-t0:.0f}s", flush=True)
    wt = time.time() - t0; ct = time.process_time() - c0
    f = macro_f1(y_ho, predict(model, enc_ho))
    log.append({"epoch": ep, "train_loss": round(tot / len(batches), 4), "holdout_macro_f1": round(f, 4), "epoch_wall_s": round(wt), "epoch_cpu_s": round(ct)})
    print(json.dumps(log[-1]), flush=True)
    if f > best[0]: best = (f, ep, {k: v.detach().clone() for k, v in model.state_dict().items()})
res = {"tag": a.tag, "args": vars(a), "epochs": log, "best_epoch": best[1], "holdout_macro_f1": round(best[0], 4)}
if not a.limit:
    model.load_state_dict(best[2]); torch.save(best[2], f"/tmp/mt/model_{a.tag}.pt")
    if not a.no_dev:
        dv = load("dev"); enc_dv = encode_rows(tok, dv, "bracket", 96, pair=True)
        res["dev_macro_f1"] = round(macro_f1(np.array([r["polarity"] for r in dv]), predict(model, enc_dv)), 4)
print("RESULT", json.dumps(res), flush=True)
