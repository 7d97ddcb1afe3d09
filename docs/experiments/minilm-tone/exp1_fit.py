"""Exp 1 head: logistic regression on frozen features; C and class_weight by 5-fold GroupKFold (groups = sentence) on train; one dev eval for the chosen setting.
Usage: exp1_fit.py STYLE [feature-subset]"""
import sys, json
import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler
from sklearn.pipeline import make_pipeline
from sklearn.model_selection import GroupKFold, cross_val_predict
from common import *
style = sys.argv[1]; sub = sys.argv[2] if len(sys.argv) > 2 else "all"
blocks = {"tgt": 0, "left": 1, "right": 2, "cls": 3, "mean": 4}
cols = np.concatenate([np.arange(384 * blocks[b], 384 * blocks[b] + 384) for b in (blocks if sub == "all" else sub.split("+"))])
tr, dv = load("train"), load("dev")
Xtr = np.load(f"/tmp/mt/feat_{style}_train.npy")[:, cols]; Xdv = np.load(f"/tmp/mt/feat_{style}_dev.npy")[:, cols]
ytr = np.array([r["polarity"] for r in tr]); ydv = np.array([r["polarity"] for r in dv])
g = groups(tr); cv = GroupKFold(n_splits=5)
CGRID = [float(c) for c in (sys.argv[3].split(",") if len(sys.argv) > 3 else ["0.0003", "0.001", "0.003", "0.01", "0.03"])]
best = None
for cw in [None, "balanced"]:
    for C in CGRID:
        clf = make_pipeline(StandardScaler(), LogisticRegression(C=C, max_iter=3000, class_weight=cw))
        p = cross_val_predict(clf, Xtr, ytr, cv=cv, groups=g)
        f = macro_f1(ytr, p); print(f"cw={cw} C={C}: CV macro-F1 {f:.4f}", flush=True)
        if best is None or f > best[0]: best = (f, C, cw)
f, C, cw = best
clf = make_pipeline(StandardScaler(), LogisticRegression(C=C, max_iter=3000, class_weight=cw)).fit(Xtr, ytr)
d = macro_f1(ydv, clf.predict(Xdv))
print(json.dumps({"style": style, "features": sub, "C": C, "class_weight": cw, "cv_macro_f1": round(f, 4), "dev_macro_f1": round(d, 4)}))
