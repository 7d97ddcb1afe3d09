import sys, itertools
sys.path.insert(0, '/work/main/scripts'); sys.path.insert(0, '/work/main')
from pathlib import Path
import numpy as np
import train_tone_transformer as T
_, hold = T.split(T.load(Path('/work/shared/bench/newsmtsc_train.jsonl')))
y = np.array([r["polarity"] for r in hold])
files = sys.argv[1:]
P = np.mean([np.load(f) for f in files], axis=0)
L = np.log(P + 1e-12)
C = np.array([-1, 0, 1])
def f1(idx, b):
    return T.macro_f1(y[idx], C[(L[idx] + b).argmax(1)])
grid = np.round(np.arange(-1.0, 1.01, 0.1), 2)
B = [np.array([bn, 0.0, bp]) for bn in grid for bp in grid]
allidx = np.arange(len(y))
base = f1(allidx, np.zeros(3))
best = max(B, key=lambda b: f1(allidx, b))
print("holdout base", round(base, 4), "best b", best, round(f1(allidx, best), 4))
from sklearn.metrics import confusion_matrix
print(confusion_matrix(y, C[L.argmax(1)], labels=[-1,0,1]))
sents = sorted({r["sentence"] for r in hold}); sid = {s: i for i, s in enumerate(sents)}
g = np.array([sid[r["sentence"]] for r in hold])
rng = np.random.default_rng(1); gains = []
for k in range(20):
    half = rng.permutation(len(sents))[: len(sents)//2]; m = np.isin(g, half)
    for a, b_ in ((allidx[m], allidx[~m]), (allidx[~m], allidx[m])):
        bb = max(B, key=lambda b: f1(a, b))
        gains.append(f1(b_, bb) - f1(b_, np.zeros(3)))
gains = np.array(gains).reshape(20, 2).mean(1)
print("cross-fitted gain mean", round(gains.mean(), 4), "positive splits", int((gains > 0).sum()), "/20", np.round(gains, 3))
