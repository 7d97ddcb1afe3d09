"""Exp 3: dev evaluation of a saved fine-tuned model (once), weight sizes, fp16/int8 agreement on the train holdout, and CPU inference cost.
Usage: exp3_eval_speed.py TAG {dev|sizes|speed}"""
import sys, time, json, io, os, random
import numpy as np, torch
from common import *
sys.argv, argv = sys.argv[:1] + ["--tag", "x"], sys.argv
# reuse model class / helpers without running training
src = open("/tmp/mt/exp2_finetune.py").read()
exec(src.split("tok = get_tok(); rows = load(\"train\")")[0].split("a = ap.parse_args()")[0])
exec(src[src.index("class Clf"):src.index("tok = get_tok(); rows")])
tag, cmd = argv[1], argv[2]
tok = get_tok(); model = Clf(); sd = torch.load(f"/tmp/mt/model_{tag}.pt"); model.load_state_dict(sd); model.eval()
rows = load("train"); sents = sorted(set(r["sentence"] for r in rows)); rng = random.Random(0); rng.shuffle(sents)
hold = set(sents[: len(sents) // 10]); ho = [r for r in rows if r["sentence"] in hold]
enc_ho = encode_rows(tok, ho, "bracket", 96, pair=True); y_ho = np.array([r["polarity"] for r in ho])
torch.set_num_threads(2)
if cmd == "dev":
    from sklearn.metrics import f1_score, classification_report
    dv = load("dev"); y = np.array([r["polarity"] for r in dv]); p = predict(model, encode_rows(tok, dv, "bracket", 96, pair=True))
    print(json.dumps({"tag": tag, "holdout_macro_f1": round(macro_f1(y_ho, predict(model, enc_ho)), 4), "dev_macro_f1": round(macro_f1(y, p), 4)}))
    print(classification_report(y, p, digits=3))
elif cmd == "sizes":
    from safetensors.torch import save_file
    n_all = sum(v.numel() for v in sd.values())
    top = {k: v for k, v in sd.items() if k.startswith("out.") or any(f"encoder.layer.{i}." in k for i in (4, 5))}
    head = {k: v for k, v in sd.items() if k.startswith("out.")}
    for name, d in [("full", sd), ("layers4-5+head", top), ("head", head)]:
        for dt in [torch.float32, torch.float16]:
            b = io.BytesIO(); f = f"/tmp/mt/_w.safetensors"; save_file({k: v.to(dt).contiguous() for k, v in d.items()}, f)
            print(f"{name} {str(dt)}: {sum(v.numel() for v in d.values())} params, {os.path.getsize(f)/1e6:.1f} MB")
    p32 = predict(model, enc_ho)
    m16 = Clf(); m16.load_state_dict({k: v.half().float() for k, v in sd.items()}); m16.eval(); p16 = predict(m16, enc_ho)
    q8 = torch.ao.quantization.quantize_dynamic(model, {torch.nn.Linear}, dtype=torch.qint8); p8 = predict(q8, enc_ho)
    print(json.dumps({"holdout_f1_fp32": round(macro_f1(y_ho, p32), 4), "holdout_f1_fp16_weights": round(macro_f1(y_ho, p16), 4), "agree_fp16": float((p16 == p32).mean()),
                      "holdout_f1_int8_dynamic": round(macro_f1(y_ho, p8), 4), "agree_int8": float((p8 == p32).mean())}))
    torch.save(q8.state_dict(), "/tmp/mt/_q8.pt"); print(f"int8 dynamic state_dict: {os.path.getsize('/tmp/mt/_q8.pt')/1e6:.1f} MB")
elif cmd == "speed":
    enc = enc_ho[:256]; toks = np.mean([len(e[0]) for e in enc])
    q8 = torch.ao.quantization.quantize_dynamic(model, {torch.nn.Linear}, dtype=torch.qint8)
    for mname, m in [("fp32", model), ("int8dyn", q8)]:
        for nt in [1, 2]:
            torch.set_num_threads(nt)
            for bs in [1, 32]:
                predict(m, enc[:32], bs=bs)
                t, c = time.time(), time.process_time(); predict(m, enc, bs=bs); w, cp = time.time() - t, time.process_time() - c
                print(f"{mname} threads={nt} batch={bs}: {1000*w/len(enc):.2f} wall-ms/sent, {1000*cp/len(enc):.2f} cpu-ms/sent ({len(enc)/w:.0f} sent/s), mean {toks:.0f} tokens", flush=True)
