"""BASIL dev: do flagged terms cover the spans annotators marked as lexical bias?

BASIL (Fan et al., EMNLP 2019; research use, not redistributed) marks spans of news articles
whose wording, not content, carries bias.  A span counts as found when a flagged term overlaps
it; the cost is the share of all tokens that are flagged.
"""

from __future__ import annotations

from pathlib import Path

from . import Metric, SuiteResult, read_bench

NAME = "basil"
DESCRIPTION = "BASIL dev: lexical-bias spans containing a flagged term, share of tokens flagged"
FILE = "basil_dev.jsonl"



def run(bench: Path) -> SuiteResult:
    """Flag every BASIL dev article and compare with its lexical-bias spans."""
    from ..lexicon import tokenize
    from ..quotes import find_quotes
    from ..sentences import split_sentences
    from ..types import Article, Document
    from ..vocabulary import loaded_terms

    records = read_bench(bench, FILE)
    spans_total = spans_hit = 0
    tokens_total = tokens_flagged = 0
    by_outlet: dict[str, list[int]] = {}
    for r in records:
        text = r["text"]
        doc = Document(
            Article(r.get("article_id", ""), text),
            text,
            sentences=split_sentences(text),
            quotes=find_quotes(text),
        )
        terms = loaded_terms(doc)
        ivs = sorted((t.start, t.end) for t in terms)
        for start, end, _t in r.get("lexical_spans") or []:
            hit = any(s < end and start < e for s, e in ivs)
            spans_total += 1
            spans_hit += hit
            o = by_outlet.setdefault(r.get("outlet", "?"), [0, 0])
            o[0] += hit
            o[1] += 1
        toks = tokenize(text)
        tokens_total += len(toks)
        j = 0
        for k in toks:  # both sorted by offset
            while j < len(ivs) and ivs[j][1] <= k.start:
                j += 1
            if j < len(ivs) and ivs[j][0] <= k.start and k.end <= ivs[j][1]:
                tokens_flagged += 1
    recall = spans_hit / spans_total if spans_total else 0.0
    share = tokens_flagged / tokens_total if tokens_total else 0.0
    return SuiteResult(
        suite=NAME,
        data=str(Path(bench) / FILE),
        metrics=(
            Metric(
                "lexical_span_recall",
                round(recall, 3),
                0.50,
                help="share of lexical-bias spans containing a flagged term",
            ),
            Metric(
                "tokens_flagged",
                round(share, 4),
                0.03,
                higher_is_better=False,
                help="share of all tokens inside a flagged term",
            ),
        ),
        details={
            "articles": len(records),
            "spans": spans_total,
            "recall_by_outlet": {k: round(v[0] / v[1], 3) for k, v in by_outlet.items() if v[1]},
        },
    )
