"""Eval suite ``details``: the detail matrix against hand-checked expectations.

An expectation file (``tests/data/*details_expected.json`` in the repository) names the event's
versions and lists details a careful reader found, each by a snippet of its anchor version and,
for every version, snippets one of which must be in that version's wording of the detail
(present), ``null`` (absent) or ``"?"`` (not scored).  It may also give the expected status
and kind of change per cell, the closest pair, the least similar version, directions of
derivation, ranges for ``kept_share`` and ``added_share`` and named/anonymous sources.

The suite needs no ``../shared/bench``: the expectations and the seed texts ship in the
repository.  It is skipped when they are absent (an installed package without its sources).

Example:
    >>> from framing.evaluation.details import expectation_files
    >>> [p.name for p in expectation_files()]  # doctest: +SKIP
    ['seed_details_expected.json']
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from . import Metric, SuiteResult, SuiteSkipped

NAME = "details"
DESCRIPTION = (
    "Detail matrix vs hand-checked expectations: precision/recall of carried details per "
    "version, status and change-kind accuracy, pair order, kept/added shares (ships with the repo)."
)

_ROOT = Path(__file__).resolve().parents[2]


#: The expectations ship in the repository: runs without ../shared/bench.
NEEDS_BENCH = False

def expectation_files(root: Path = _ROOT) -> list[Path]:
    """The repository's expectation files (empty when run from an installed package)."""
    folder = root / "tests" / "data"
    return sorted(folder.glob("*details_expected.json")) if folder.is_dir() else []


def _cell_has(cell: str | None, snippets: list[str]) -> bool:
    if cell is None:
        return False
    norm = " ".join(cell.split())
    return any(" ".join(s.split()) in norm for s in snippets)


def _find(details, anchor_id: str, snippets: list[str]):
    for d in details:
        if _cell_has(d.sentences.get(anchor_id), snippets):
            return d
    return None


def score(result, expectation: dict[str, Any]) -> dict[str, Any]:
    """Score one :class:`~framing.types.EventDetails` against one expectation.

    Returns:
        A dict with per-version ``tp``/``fp``/``fn`` counts, ``precision``, ``recall``,
        ``status_accuracy``, ``change_recall``, pair checks, share checks, source checks, and
        ``misses``: one line per disagreement, for reading.
    """
    ids: dict[str, str] = expectation["articles"]
    counts = {k: {"tp": 0, "fp": 0, "fn": 0} for k in ids}
    status_hits = status_total = 0
    change_hits = change_total = 0
    misses: list[str] = []
    for exp in expectation["details"]:
        anchor = exp["anchor"]
        detail = _find(result.details, ids[anchor], exp["cells"][anchor])
        for key, want in exp["cells"].items():
            if want == "?":
                continue
            cell = None if detail is None else detail.sentences.get(ids[key])
            if want is None:
                if cell is None or key == anchor:
                    continue
                counts[key]["fp"] += 1
                misses.append(f"{exp['name']}: {key} should be absent, got {cell[:70]!r}")
            elif _cell_has(cell, want):
                counts[key]["tp"] += 1
            else:
                counts[key]["fn"] += 1
                if cell is not None:
                    counts[key]["fp"] += 1
                got = "no row" if detail is None else repr((cell or "absent")[:70])
                misses.append(f"{exp['name']}: {key} should carry it, got {got}")
        for key, want_status in exp.get("status", {}).items():
            if detail is None or detail.sentences.get(ids[key]) is None:
                continue
            status_total += 1
            got_status = detail.status[ids[key]]
            status_hits += got_status == want_status
            if got_status != want_status:
                misses.append(f"{exp['name']}: {key} status {got_status}, expected {want_status}")
        for key, kinds in exp.get("changes", {}).items():
            got_changes = () if detail is None else detail.changes.get(ids[key], ())
            for kind in kinds:
                change_total += 1
                hit = any(c.startswith(kind + ":") for c in got_changes)
                change_hits += hit
                if not hit:
                    misses.append(f"{exp['name']}: {key} change '{kind}' not found in {got_changes}")
    per_version: dict[str, dict[str, float]] = {}
    for key, c in counts.items():
        p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 1.0
        r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 1.0
        per_version[key] = {**c, "precision": round(p, 3), "recall": round(r, 3)}
    tp = sum(c["tp"] for c in counts.values())
    fp = sum(c["fp"] for c in counts.values())
    fn = sum(c["fn"] for c in counts.values())
    out: dict[str, Any] = {
        "per_version": per_version,
        "precision": tp / (tp + fp) if tp + fp else 1.0,
        "recall": tp / (tp + fn) if tp + fn else 1.0,
        "status_accuracy": status_hits / status_total if status_total else None,
        "change_recall": change_hits / change_total if change_total else None,
        "misses": misses,
    }
    checks: list[bool] = []
    pairs = expectation.get("pairs", {})
    by_pair = {frozenset((p.a, p.b)): p for p in result.pairs}
    if "closest" in pairs and result.pairs:
        best = max(result.pairs, key=lambda p: p.similarity)
        ok = {best.a, best.b} == {ids[k] for k in pairs["closest"]}
        checks.append(ok)
        if not ok:
            misses.append(f"closest pair is {best.a} / {best.b}")
    if "least_similar" in pairs and result.pairs:
        means: dict[str, list[float]] = {}
        for p in result.pairs:
            means.setdefault(p.a, []).append(p.similarity)
            means.setdefault(p.b, []).append(p.similarity)
        least = min(means, key=lambda k: sum(means[k]) / len(means[k]))
        ok = least == ids[pairs["least_similar"]]
        checks.append(ok)
        if not ok:
            misses.append(f"least similar version is {least}")
    for a, b, derived in pairs.get("derivative", []):
        pair = by_pair.get(frozenset((ids[a], ids[b])))
        ok = pair is not None and pair.derivative == ids[derived]
        checks.append(ok)
        if not ok:
            misses.append(f"pair {a}/{b}: derivative {pair and pair.derivative}, expected {derived}")
    for a, b in pairs.get("no_direction", []):
        pair = by_pair.get(frozenset((ids[a], ids[b])))
        ok = pair is not None and pair.derivative is None
        checks.append(ok)
        if not ok:
            misses.append(f"pair {a}/{b}: derivative {pair and pair.derivative}, expected none")
    for field in ("kept_share", "added_share"):
        for key, (lo, hi) in expectation.get(field, {}).items():
            art = result.articles.get(ids[key])
            value = getattr(art, field) if art else None
            ok = value is not None and lo <= value <= hi
            checks.append(ok)
            if not ok:
                misses.append(f"{key} {field} {value}, expected {lo}-{hi}")
    for key, want in expectation.get("sources", {}).items():
        art = result.articles.get(ids[key])
        sources = art.sources if art else ()
        for named, label in ((True, "named"), (False, "anonymous")):
            for snippet in want.get(label, []):
                ok = any(snippet in s.text and s.named == named for s in sources)
                checks.append(ok)
                if not ok:
                    misses.append(f"{key}: {label} source {snippet!r} not found")
    out["checks_passed"] = sum(checks)
    out["checks"] = len(checks)
    return out


def run_file(path: Path, root: Path = _ROOT) -> dict[str, Any]:
    """Analyse the event an expectation file names and score it."""
    from ..analysis import analyze_event
    from ..ingest import load_articles

    expectation = json.loads(path.read_text(encoding="utf-8"))
    folder = root / expectation["seeds"]
    if not folder.is_dir():
        raise SuiteSkipped(f"{folder} is absent: the expectation's texts ship with the repository")
    wanted = set(expectation["articles"].values())
    articles = [a for a in load_articles([folder]) if a.id in wanted]
    analysis = analyze_event(articles)
    return score(analysis.details, expectation)


def basil_pair_auc(bench: Path) -> tuple[float, int] | None:
    """ROC-AUC of :attr:`Pair.similarity` for versions of one BASIL event vs two events.

    Out-of-sample check for the thresholds set on the seed event: each BASIL dev event's three
    articles (Fox, NYT, HuffPost) give three same-event pairs; the same number of different-event
    pairs pairs each article with the same outlet's article of the next event.  None when the
    file is absent.
    """
    path = bench / "basil_dev.jsonl"
    if not path.exists():
        return None
    from sklearn.metrics import roc_auc_score

    from ..clean import clean
    from ..details import analyze
    from ..types import Article

    events: dict[str, list[Any]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        events.setdefault(r["event_id"], []).append(
            clean(Article(str(r["article_id"]), r["text"], outlet=r.get("outlet")))
        )
    groups = [sorted(e, key=lambda d: d.article.outlet or "") for e in events.values()]
    labels: list[int] = []
    scores: list[float] = []
    for k, group in enumerate(groups):
        for i in range(len(group)):
            for j in range(i + 1, len(group)):
                labels.append(1)
                scores.append(analyze([group[i], group[j]]).pairs[0].similarity)
        nxt = groups[(k + 1) % len(groups)]
        for i in range(min(len(group), len(nxt))):
            labels.append(0)
            scores.append(analyze([group[i], nxt[i]]).pairs[0].similarity)
    return float(roc_auc_score(labels, scores)), len(labels)


def run(bench: Path | None = None) -> SuiteResult:
    """Score every expectation file in the repository (``bench`` is not needed)."""
    files = expectation_files()
    if not files:
        raise SuiteSkipped(
            "no tests/data/*details_expected.json beside the package (run from a checkout)"
        )
    scored = {p.name: run_file(p) for p in files}
    n = len(scored)

    def mean(key: str) -> float:
        values = [s[key] for s in scored.values() if s[key] is not None]
        return sum(values) / len(values) if values else 0.0

    checks = sum(s["checks_passed"] for s in scored.values())
    total = sum(s["checks"] for s in scored.values())
    metrics: tuple[Metric, ...] = (
        Metric("detail_precision", round(mean("precision"), 3), 0.9,
               help="Share of carried cells that the expectation says the version carries"),
        Metric("detail_recall", round(mean("recall"), 3), 0.85,
               help="Share of expected carried cells found in the right row"),
        Metric("status_accuracy", round(mean("status_accuracy"), 3), 0.8,
               help="Cells whose verbatim/paraphrase/changed status matches the expectation"),
        Metric("change_recall", round(mean("change_recall"), 3), 0.8,
               help="Expected kinds of change (rank, title, quote, verb...) found as evidence"),
        Metric("event_checks", round(checks / total, 3) if total else 0.0, 0.9,
               help="Closest pair, least similar version, directions, share ranges, sources"),
    )
    for name, s in scored.items():  # per event: the seed is in-sample, the others are not
        event = name.removesuffix("_details_expected.json")
        metrics += (
            Metric(f"{event}_recall", round(s["recall"], 3), help=f"Detail recall on {name}"),
            Metric(f"{event}_checks", round(s["checks_passed"] / s["checks"], 3)
                   if s["checks"] else 0.0, help=f"Event checks passed on {name}"),
        )
    data = f"{n} hand-checked expectation file(s) in tests/data"
    basil = basil_pair_auc(bench) if bench is not None else None
    if basil is not None:
        metrics += (
            Metric("basil_pair_similarity_auc", round(basil[0], 3), 0.9,
                   help="ROC-AUC of pair similarity: same BASIL event vs different events"),
        )
        data += f"; {basil[1]} BASIL dev pairs"
    return SuiteResult(
        suite=NAME,
        data=data,
        metrics=metrics,
        details={name: {k: v for k, v in s.items()} for name, s in scored.items()},
    )
