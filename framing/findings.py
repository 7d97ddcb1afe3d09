"""Plain-language findings computed from the numbers of an analysis, each with its evidence.

A finding is one sentence a newcomer can read ("ZeroHedge's version uses 4× as many loaded
terms per 100 words as AP's"), the view where its evidence lives, and the evidence itself: the
terms, sentences or details behind the number.  Every finding is computed from the scores in
the :class:`~framing.types.EventAnalysis`; nothing is written by hand, and no rule knows an
outlet by name.

Also here: what each version keeps, drops and adds *relative to a reference* (one version, or
the consensus of the versions shown), which the dashboard's side-by-side view and the HTML
report colour the text by.

Example:
    >>> from framing import analyze_event, load_articles
    >>> from framing.findings import findings
    >>> analysis = analyze_event(load_articles(["seeds"]))  # doctest: +SKIP
    >>> for f in findings(analysis):  # doctest: +SKIP
    ...     print(f.text)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .actors import in_running_text
from .facts import sources_by_kind
from .language import not_english_warning
from .lexicon import category_name
from .types import EventAnalysis, ToneEvidence

CONSENSUS = "consensus"

# Thresholds below decide when a difference is worth a sentence.  They are presentation
# choices, not tuned on data: each is the smallest difference a reader can see in the figure
# the finding points to.
#: Loaded-term rates: the higher must be at least 1.5× the lower (a visibly longer bar).
MIN_LOADED_RATIO = 1.5
#: Loaded-term rates below this (per 100 words) are treated as "almost none" for ratios.
MIN_LOADED_RATE = 0.05
#: Tone differences toward an actor or overall: 0.3 on the -1..1 scale (a colour step in the
#: 7-class diverging scale of the tone heatmap spans about 0.29).
MIN_TONE_GAP = 0.3
#: Text reuse: a version repeating at least half of another's text.
MIN_REUSE = 0.5
#: Readability: three school grades apart.
MIN_GRADE_GAP = 3.0
#: Sources: a version leaving out at least two sources most others cite.
MIN_SOURCES_LEFT_OUT = 2
#: Anonymous sources: a version's share of unnamed sources a quarter above the median of the
#: others' (each with at least three sources), with at least two unnamed.
MIN_ANONYMOUS_GAP = 0.25


#: The question each kind of finding answers; findings are listed taking each in turn.
KIND_GROUP: dict[str, str] = {
    "loaded": "words", "substitution": "words",
    "added": "details", "dropped": "details", "changed": "details", "reuse": "details",
    "sources": "details", "anonymous": "details",
    "actor_tone": "tone", "tone": "tone",
    "readability": "other", "removed": "other",
}
GROUP_ORDER: tuple[str, ...] = ("words", "details", "tone", "other")


@dataclass(frozen=True)
class Evidence:
    """One piece of evidence: a sentence, term or detail of one version.

    Attributes:
        article: Article id of the version it comes from.
        text: The sentence, term or detail text (raw article text: escape before showing).
        note: What it shows ("loaded: intensifier", "tone −0.45", "left out").
    """

    article: str
    text: str
    note: str = ""


@dataclass(frozen=True)
class Finding:
    """A plain-language finding and where to see its evidence.

    Attributes:
        kind: What it compares: ``loaded``, ``added``, ``dropped``, ``changed``,
            ``sources``, ``anonymous``, ``actor_tone``, ``tone``, ``reuse``,
            ``readability``, ``substitution``, ``removed``.
        text: The sentence to show (outlet names as given by ``labels``).
        view: The dashboard view that shows the evidence: ``vocabulary``, ``details``,
            ``tone``, ``side_by_side``.
        articles: Article ids the finding is about.
        evidence: The terms, sentences or details behind the numbers.
        strength: How large the difference is, 0..1, for ordering.
        detail: A detail id to open in the details view, if any.
        actor: An actor to open in the tone view, if any.
    """

    kind: str
    text: str
    view: str
    articles: tuple[str, ...]
    evidence: tuple[Evidence, ...] = ()
    strength: float = 0.0
    detail: str | None = None
    actor: str | None = None


@dataclass(frozen=True)
class Comparison:
    """What one version keeps, drops and adds relative to a reference.

    Attributes:
        kept: Detail ids the reference carries and this version carries too.
        dropped: Detail ids the reference carries and this version leaves out.
        added: Detail ids this version carries and the reference does not.
    """

    kept: tuple[str, ...] = ()
    dropped: tuple[str, ...] = ()
    added: tuple[str, ...] = ()


_INNER_QUOTES = str.maketrans({"“": "‘", "”": "’", '"': "'"})


def cited(text: str) -> str:
    """``text`` in double quotation marks, its own double quotation marks made single, as
    English nests quotations (a sentence that is itself a quotation would otherwise open with
    two marks: “”Iraq still needs ...”).  Plain text: the caller escapes it.

    Example:
        >>> cited("“Iraq still needs planes,” he said.")
        '“‘Iraq still needs planes,’ he said.”'
    """
    return "“" + text.translate(_INNER_QUOTES) + "”"


def _carries(status: Mapping[str, str], article: str) -> bool:
    return status.get(article, "absent") != "absent"


def reference_details(
    analysis: EventAnalysis, reference: str, ids: Sequence[str] | None = None
) -> set[str]:
    """Detail ids of the reference: one version's, or with ``"consensus"`` the details that
    more than half of the shown versions carry."""
    ids = list(ids) if ids is not None else [d.id for d in analysis.documents]
    if reference == CONSENSUS:
        need = len(ids) / 2
        return {
            det.id for det in analysis.details.details
            if sum(_carries(det.status, i) for i in ids) > need
        }
    return {det.id for det in analysis.details.details if _carries(det.status, reference)}


def compare_to_reference(
    analysis: EventAnalysis, reference: str, ids: Sequence[str] | None = None
) -> dict[str, Comparison]:
    """Article id -> what it keeps, drops and adds against ``reference`` (an article id or
    ``"consensus"``), for the versions in ``ids``.

    Example:
        >>> compare_to_reference(analysis, "consensus")["003_f3a50983af6c7cfe"].added  # doctest: +SKIP
    """
    ids = list(ids) if ids is not None else [d.id for d in analysis.documents]
    ref = reference_details(analysis, reference, ids)
    out: dict[str, Comparison] = {}
    for i in ids:
        kept: list[str] = []
        dropped: list[str] = []
        added: list[str] = []
        for det in analysis.details.details:
            has = _carries(det.status, i)
            if det.id in ref:
                (kept if has else dropped).append(det.id)
            elif has:
                added.append(det.id)
        out[i] = Comparison(tuple(kept), tuple(dropped), tuple(added))
    return out


def _version(label: str) -> str:
    """"ZeroHedge's version", but "Version D" as it is in blind mode (not "Version D's version")."""
    return label if label.startswith("Version ") else f"{label}'s version"


def _times(ratio: float) -> str:
    return f"{ratio:.0f}×" if ratio >= 3 else f"{ratio:.1f}×"


def plural(n: int, word: str) -> str:
    """``n`` and ``word``, with an "s" unless ``n`` is 1: "1 detail", "3 details"."""
    return f"{n} {word}" + ("" if n == 1 else "s")


def original_version(analysis: EventAnalysis, ids: Sequence[str]) -> str | None:
    """The version the others repeat most (the likely original, e.g. a wire story), or None
    when no shown version repeats at least :data:`MIN_REUSE` of another."""
    shown = set(ids)
    repeated: dict[str, float] = {}
    for p in analysis.details.pairs:
        if p.a in shown and p.b in shown:
            if p.reuse >= MIN_REUSE:  # a repeats b
                repeated[p.b] = repeated.get(p.b, 0.0) + p.reuse
            if p.reuse_b_in_a >= MIN_REUSE:  # b repeats a
                repeated[p.a] = repeated.get(p.a, 0.0) + p.reuse_b_in_a
    return max(repeated, key=lambda i: repeated[i]) if repeated else None


def _loaded(
    analysis: EventAnalysis, ids: list[str], lab: Mapping[str, str], reference: str = CONSENSUS
) -> list[Finding]:
    """Versions using markedly more loaded terms than a baseline: the chosen reference
    version, else the version the others repeat (the likely original), else the least loaded."""
    vocab = analysis.vocabulary.articles
    rates = {i: vocab[i].per_100_words for i in ids if i in vocab and vocab[i].per_100_words is not None}
    if len(rates) < 2:
        return []
    if reference in rates:
        base, why = reference, "the reference"
    elif (orig := original_version(analysis, ids)) in rates:
        base, why = orig, "the version the others repeat"
    else:
        base, why = min(rates, key=lambda i: rates[i] or 0.0), "the least loaded version"
    r_base = rates[base] or 0.0
    out = []
    for i in sorted(rates, key=lambda i: -(rates[i] or 0.0)):
        r = rates[i] or 0.0
        if i == base or r < MIN_LOADED_RATE:
            continue
        own = [t for t in vocab[i].terms if not t.quoted]
        # each term once, in order of first use, with how often the version uses it
        uses: dict[tuple[str, str, str], int] = {}
        for t in own:
            key = (t.text.lower(), t.category, t.alternative)
            uses[key] = uses.get(key, 0) + 1
        first = {(t.text.lower(), t.category, t.alternative): t.text for t in reversed(own)}
        evidence = tuple(
            Evidence(i, first[key], category_name(key[1])
                     + (f" – plainer: {key[2]}" if key[2] else "") + (f"; {n} times" if n > 1 else ""))
            for key, n in list(uses.items())[:8]
        )
        if r_base < MIN_LOADED_RATE:
            none = "none" if r_base == 0 else "almost none"
            text = (
                f"{_version(lab[i])} uses {r:.1f} loaded terms per 100 words in its own voice "
                f"({plural(len(own), 'term')}); {lab[base]}'s ({why}) uses {none}."
            )
            strength = 1.0
        else:
            ratio = r / r_base
            if ratio < MIN_LOADED_RATIO:
                continue
            text = (
                f"{_version(lab[i])} uses {_times(ratio)} as many loaded terms per 100 words as "
                f"{lab[base]}'s, {why} ({r:.1f} vs {r_base:.1f}, own voice, quotations not counted)."
            )
            strength = min(1.0, (ratio - 1) / 2)
        out.append(Finding("loaded", text, "vocabulary", (i, base), evidence, strength))
    return out


def _details(analysis: EventAnalysis, ids: list[str], lab: Mapping[str, str]) -> list[Finding]:
    dets = analysis.details.details
    if not dets or len(ids) < 2:
        return []
    out: list[Finding] = []
    # added: details only one shown version carries
    for i in ids:
        only = [d for d in dets if _carries(d.status, i) and sum(_carries(d.status, j) for j in ids) == 1]
        if only:
            out.append(
                Finding(
                    "added",
                    f"{lab[i]} adds {plural(len(only), 'detail')} that no other version shown has.",
                    "details",
                    (i,),
                    tuple(Evidence(i, d.sentences.get(i) or d.text, "only here") for d in only[:6]),
                    min(1.0, len(only) / max(4, len(dets) / 3)),
                    detail=only[0].id,
                )
            )
    # dropped: consensus details one version leaves out
    consensus = [d for d in dets if d.id in reference_details(analysis, CONSENSUS, ids)]
    if consensus:
        for i in ids:
            miss = [d for d in consensus if not _carries(d.status, i)]
            if miss and len(miss) >= max(1, len(consensus) // 4):
                out.append(
                    Finding(
                        "dropped",
                        f"{lab[i]} leaves out {len(miss)} of the {len(consensus)} details that most "
                        "versions report.",
                        "details",
                        (i,),
                        tuple(Evidence(i, d.text, "left out") for d in miss[:6]),
                        min(1.0, len(miss) / len(consensus)),
                        detail=miss[0].id,
                    )
                )
    # changed facts
    for i in ids:
        changed = [d for d in dets if d.status.get(i) == "changed"]
        if changed:
            first = changed[0]
            what = "; ".join(first.changes.get(i, ())) or "its wording of a fact differs"
            out.append(
                Finding(
                    "changed",
                    f"{lab[i]} changes {plural(len(changed), 'fact')} the others report"
                    f" (for example: {what}).",
                    "details",
                    (i,),
                    tuple(
                        Evidence(i, d.sentences.get(i) or d.text, "; ".join(d.changes.get(i, ())) or "changed")
                        for d in changed[:6]
                    ),
                    min(1.0, 0.3 + 0.2 * len(changed)),
                    detail=first.id,
                )
            )
    return out


def _most_negative(value: float) -> str:
    if round(value, 2) == 0:
        return "neutral"
    return "the most negative" if value < 0 else "the least positive"


def _most_positive(value: float) -> str:
    if round(value, 2) == 0:
        return "neutral"
    return "the most positive" if value > 0 else "the least negative"


def _one_per_sentence(evidence: Sequence[ToneEvidence], n: int) -> list[ToneEvidence]:
    """The first ``n`` items of ``evidence`` from distinct sentences (a sentence that names an
    actor twice is quoted once)."""
    seen: set[int] = set()
    out = []
    for e in evidence:
        if e.sentence not in seen:
            seen.add(e.sentence)
            out.append(e)
            if len(out) == n:
                break
    return out


def _tone(analysis: EventAnalysis, ids: list[str], lab: Mapping[str, str]) -> list[Finding]:
    tones = analysis.tone.articles
    out: list[Finding] = []
    for actor in analysis.tone.actors[:6]:
        scored = {i: tones[i].actor_tone[actor] for i in ids if i in tones and actor in tones[i].actor_tone}
        if len(scored) < 2:
            continue
        hi = max(scored, key=lambda i: scored[i])
        lo = min(scored, key=lambda i: scored[i])
        gap = scored[hi] - scored[lo]
        if gap < MIN_TONE_GAP:
            continue
        ev = []
        for i in (lo, hi):
            items = sorted(tones[i].evidence.get(actor, ()), key=lambda e: e.score, reverse=i == hi)
            ev += [Evidence(i, e.sentence_text, f"tone {e.score:+z.2f}") for e in _one_per_sentence(items, 2)]
        out.append(
            Finding(
                "actor_tone",
                f"Toward {in_running_text(actor)}, {lab[lo]} is {_most_negative(scored[lo])} ({scored[lo]:+z.2f}) "
                f"and {lab[hi]} {_most_positive(scored[hi])} ({scored[hi]:+z.2f}).",
                "tone",
                (lo, hi),
                tuple(ev),
                min(1.0, gap / 1.0),
                actor=actor,
            )
        )
    own = {i: tones[i].own_voice for i in ids if i in tones and tones[i].own_voice is not None}
    if len(own) >= 2:
        hi = max(own, key=lambda i: own[i] or 0.0)
        lo = min(own, key=lambda i: own[i] or 0.0)
        gap = (own[hi] or 0.0) - (own[lo] or 0.0)
        if gap >= MIN_TONE_GAP:
            ev = []
            for i in (lo, hi):
                doc = analysis.document(i)
                scores = tones[i].sentence_scores
                if scores and len(scores) == len(doc.sentences):
                    k = (min if i == lo else max)(range(len(scores)), key=lambda n: scores[n])
                    ev.append(Evidence(i, doc.sentences[k].text, f"tone {scores[k]:+z.2f}"))
            out.append(
                Finding(
                    "tone",
                    f"In their own voice, {lab[lo]} is {_most_negative(own[lo] or 0.0)} "
                    f"({own[lo]:+z.2f}) and {lab[hi]} {_most_positive(own[hi] or 0.0)} ({own[hi]:+z.2f}).",
                    "tone",
                    (lo, hi),
                    tuple(ev),
                    min(1.0, gap),
                )
            )
    return out


def _sources(analysis: EventAnalysis, ids: list[str], lab: Mapping[str, str]) -> list[Finding]:
    """Whom a version does not cite that most others do (only when every version is shown:
    "most others" counts all of them), and which version leans most on unnamed sources."""
    arts = analysis.details.articles
    out: list[Finding] = []
    if len(ids) >= 3 and set(ids) == {d.id for d in analysis.documents}:
        for i in ids:
            left_out = arts[i].sources_dropped if i in arts else ()
            if len(left_out) < MIN_SOURCES_LEFT_OUT:
                continue
            # whom it cites by name that no other version does
            kept = set(arts[i].sources_kept)
            own = [s.text for s in arts[i].sources if s.named and s.text not in kept]
            instead = f"; it cites {_names(own)} instead" if own else ""
            out.append(
                Finding(
                    "sources",
                    f"{lab[i]} does not cite {len(left_out)} of the sources most other versions "
                    f"cite{instead}.",
                    "details",
                    (i,),
                    tuple(Evidence(i, t, "cited by most others, not here") for t in left_out[:6])
                    + tuple(Evidence(i, t, "cited here only") for t in own[:3]),
                    min(1.0, 0.25 * len(left_out)),
                )
            )
    # anonymous sources in the journalist's sense: people described without a name ("a
    # senior official"), not a document or an office-holder described ("the letter", "the
    # mayor"), which are unnamed sources too
    anonymous = {i: sources_by_kind(arts[i].sources)["anonymous"] for i in ids
                 if i in arts and len(arts[i].sources) >= 3}
    shares = {i: len(texts) / len(arts[i].sources) for i, texts in anonymous.items()}
    if len(shares) >= 2:
        top = max(shares, key=lambda i: shares[i])
        others = sorted(v for i, v in shares.items() if i != top)
        gap = shares[top] - others[len(others) // 2]
        unnamed = anonymous[top]
        if gap >= MIN_ANONYMOUS_GAP and len(unnamed) >= 2:
            out.append(
                Finding(
                    "anonymous",
                    f"{lab[top]} leans most on unnamed sources: {len(unnamed)} of its "
                    f"{len(arts[top].sources)} sources are people it does not name.",
                    "details",
                    (top,),
                    tuple(Evidence(top, t, "anonymous source") for t in unnamed[:6]),
                    min(1.0, gap) * 0.8,
                )
            )
    return out


def _names(texts: Sequence[str]) -> str:
    """"A", "A and B", "A, B and 2 more"."""
    if len(texts) <= 2:
        return " and ".join(texts)
    return f"{texts[0]}, {texts[1]} and {len(texts) - 2} more"


def _reuse(analysis: EventAnalysis, ids: list[str], lab: Mapping[str, str]) -> list[Finding]:
    out = []
    shown = set(ids)
    for p in analysis.details.pairs:
        if p.a not in shown or p.b not in shown:
            continue
        for copier, original, share in ((p.a, p.b, p.reuse), (p.b, p.a, p.reuse_b_in_a)):
            if share >= MIN_REUSE:
                derived = " and is likely rewritten from it" if p.derivative == copier else ""
                out.append(
                    Finding(
                        "reuse",
                        f"{share:.0%} of {lab[copier]}'s text closely repeats {lab[original]}'s{derived}.",
                        "details",
                        (copier, original),
                        (),
                        min(1.0, share) * 0.8,
                    )
                )
    return out


def _readability(analysis: EventAnalysis, ids: list[str], lab: Mapping[str, str]) -> list[Finding]:
    grades = {i: r.grade for i in ids if (r := analysis.readability.get(i)) and r.grade is not None}
    if len(grades) < 2:
        return []
    hi = max(grades, key=lambda i: grades[i] or 0.0)
    lo = min(grades, key=lambda i: grades[i] or 0.0)
    gap = (grades[hi] or 0.0) - (grades[lo] or 0.0)
    if gap < MIN_GRADE_GAP:
        return []
    return [
        Finding(
            "readability",
            f"{lab[hi]} is the hardest to read (school grade {grades[hi]:.0f}) and {lab[lo]} the "
            f"easiest (grade {grades[lo]:.0f}).",
            "side_by_side",
            (hi, lo),
            (),
            min(1.0, gap / 10) * 0.5,
        )
    ]


def _substitution(analysis: EventAnalysis, ids: list[str], lab: Mapping[str, str]) -> list[Finding]:
    shown = set(ids)
    subs = [s for s in analysis.vocabulary.substitutions if s.a in shown and s.b in shown and s.a_words and s.b_words]
    if not subs:
        return []
    s = subs[0]
    return [
        Finding(
            "substitution",
            f"Same fact, different words: where {lab[s.a]} writes “{' '.join(s.a_words)}”, "
            f"{lab[s.b]} writes “{' '.join(s.b_words)}”"
            + (f" ({len(subs) - 1} more such pairs)." if len(subs) > 1 else "."),
            "vocabulary",
            (s.a, s.b),
            (Evidence(s.a, s.a_sentence, " ".join(s.a_words)), Evidence(s.b, s.b_sentence, " ".join(s.b_words))),
            0.6,
            detail=s.detail,
        )
    ]


def _removed(analysis: EventAnalysis, ids: list[str], lab: Mapping[str, str]) -> list[Finding]:
    out = []
    for i in ids:
        doc = analysis.document(i)
        comments = [r for r in doc.removed if r.kind == "comments"]
        if comments:
            out.append(
                Finding(
                    "removed",
                    f"{lab[i]}'s page also carried reader comments; they were set aside and not "
                    "scored as the outlet's words.",
                    "side_by_side",
                    (i,),
                    tuple(Evidence(i, r.text[:300], "removed: comments") for r in comments[:2]),
                    0.2,
                )
            )
    return out


def findings(
    analysis: EventAnalysis,
    *,
    ids: Sequence[str] | None = None,
    labels: Mapping[str, str] | None = None,
    reference: str = CONSENSUS,
    limit: int | None = 8,
) -> list[Finding]:
    """Plain-language findings for the versions ``ids`` (default: all), strongest first;
    a version that does not read as English (:func:`framing.language.not_english_warning`)
    is left out.

    Args:
        analysis: The analysed event.
        ids: Article ids to compare (the versions shown).
        labels: Article id -> name to use in the sentences (default: outlet or id); the
            dashboard's blind mode passes neutral names.
        reference: An article id to compare loaded-term rates against, or ``"consensus"``
            (then the version the others repeat, else the least loaded one).
        limit: Most findings returned, or None for all.

    Example:
        >>> [f.text for f in findings(analysis, limit=2)]  # doctest: +SKIP
    """
    from .figures import version_labels  # shared labelling; figures imports nothing from here

    # a version in another language is no baseline and no extreme: its scores read it as
    # English (its warning says so), so findings compare the English versions only
    known = [d.id for d in analysis.documents if not not_english_warning(d.article.text)]
    ids = [i for i in (ids if ids is not None else known) if i in known]
    lab = version_labels(analysis)
    if labels:
        lab.update(labels)
    found: list[Finding] = []
    found += _loaded(analysis, ids, lab, reference)
    for rule in (_details, _sources, _tone, _substitution, _reuse, _readability, _removed):
        found += rule(analysis, ids, lab)
    found.sort(key=lambda f: -f.strength)
    # at most two findings of one kind, so that one measure does not crowd out the others
    per_kind: dict[str, int] = {}
    groups: dict[str, list[Finding]] = {g: [] for g in GROUP_ORDER}
    for f in found:
        per_kind[f.kind] = per_kind.get(f.kind, 0) + 1
        if per_kind[f.kind] <= 2:
            groups[KIND_GROUP.get(f.kind, "other")].append(f)
    # then take words, details and tone in turn, strongest first within each, so that the
    # first few findings cover all three questions
    kept: list[Finding] = []
    main = GROUP_ORDER[:-1]
    while any(groups[g] for g in main):
        for g in main:
            if groups[g]:
                kept.append(groups[g].pop(0))
    kept += groups["other"]
    return kept if limit is None else kept[:limit]
