import json, sys, numpy as np
sys.path.insert(0, '/work/main')
from framing import transformer_tone as T
recs = [json.loads(l) for l in open('/work/shared/bench/newsmtsc_dev.jsonl')]
inp = [T.encode(r['sentence'], r['target_start'], r['target_end'], T.name_spans(r.get('further_mentions') or [])) for r in recs]
import onnxruntime as ort
so = ort.SessionOptions(); so.intra_op_num_threads = 1
files = sys.argv[2:] or ['/work/main/framing/models/' + f for f in T.MODEL_FILES]
for f in files:
    s = ort.InferenceSession(f, so, providers=["CPUExecutionProvider"])
    P = T.class_probabilities(inp, [s])
    np.save(sys.argv[1] + '/' + f.split('/')[-1].replace('.onnx', '.dev.npy'), P)
    print(f, P.shape)
