"""Turn :class:`EventAnalysis` records into JSON (schema-versioned), CSV and Markdown.

The JSON layout is described by ``framing/schema/analysis.schema.json``; bump
:data:`SCHEMA_VERSION` whenever a key is removed or changes meaning (adding keys does not).
The self-contained HTML report lives in :mod:`framing.html_report`.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict
from datetime import UTC, datetime
from typing import Any

from . import vocabulary
from ._version import __version__
from .analysis import DEFAULT_EVENT_ID
from .facts import SOURCE_KINDS, sources_by_kind
from .findings import plural
from .lexicon import category_name
from .types import ArticleDetails, Document, EventAnalysis, LoadedTerm

SCHEMA_VERSION = 1

#: Per-article score columns, in the order CSV and Markdown show them.
SCORE_COLUMNS = (
    "words",
    "sentences",
    "readability_grade",
    "reading_ease",
    "loaded_per_100_words",
    "loaded_quoted_per_100_words",
    "tone",
    "tone_quoted",
    "kept_share",
    "added_share",
    "details_dropped",
    "details_added",
    "sources_named",
    "sources_anonymous",
    "sources_other",
)


def _round(value: float | None, digits: int = 4) -> float | None:
    return None if value is None else round(float(value), digits)


def article_scores(analysis: EventAnalysis, doc: Document) -> dict[str, float | int | None]:
    """The flat score table of one version (the ``scores`` object of the JSON)."""
    read = analysis.readability.get(doc.id)
    vocab = analysis.vocabulary.articles.get(doc.id)
    tone = analysis.tone.articles.get(doc.id)
    det = analysis.details.articles.get(doc.id)
    return {
        "words": read.words if read else None,
        "sentences": len(doc.sentences),
        "readability_grade": read.grade if read else None,
        "reading_ease": read.reading_ease if read else None,
        "loaded_per_100_words": _round(vocab.per_100_words if vocab else None),
        "loaded_quoted_per_100_words": _round(vocab.quoted_per_100_words if vocab else None),
        "tone": _round(tone.own_voice if tone else None),
        "tone_quoted": _round(tone.quoted if tone else None),
        "kept_share": _round(det.kept_share if det else None),
        "added_share": _round(det.added_share if det else None),
        "details_dropped": len(det.dropped) if det else None,
        "details_added": len(det.added) if det else None,
        **_source_counts(det),
    }


def _source_counts(det: ArticleDetails | None) -> dict[str, int | None]:
    """A version's sources by kind (:func:`framing.facts.sources_by_kind`)."""
    if det is None:
        return {f"sources_{kind}": None for kind in SOURCE_KINDS}
    return {f"sources_{kind}": len(texts) for kind, texts in sources_by_kind(det.sources).items()}


def _per_sentence(values: Sequence[float] | None, n: int) -> list[float | None]:
    if values is None or len(values) != n:
        return [None] * n
    return [_round(v) for v in values]


def article_dict(analysis: EventAnalysis, doc: Document) -> dict[str, Any]:
    """One version as a JSON-ready dict."""
    a = doc.article
    vocab = analysis.vocabulary.articles.get(doc.id)
    tone = analysis.tone.articles.get(doc.id)
    det = analysis.details.articles.get(doc.id)
    n = len(doc.sentences)
    loaded = _per_sentence(vocab.sentence_scores if vocab else None, n)
    tones = _per_sentence(tone.sentence_scores if tone else None, n)
    # the own-voice words behind the induced part of each sentence's ``loaded``
    words = vocabulary.induced_words(doc) if vocab else ((),) * n
    det_dict = asdict(det) if det else {}
    for key in ("kept_share", "added_share"):
        det_dict.pop(key, None)
    return {
        "id": a.id,
        "outlet": a.outlet,
        "outlet_evidence": a.outlet_evidence,
        "title": a.title,
        "date": a.date,
        "url": a.url,
        "source": a.source,
        "warnings": list(a.warnings),
        "body": doc.body,
        "removed": [asdict(r) for r in doc.removed],
        "sentences": [
            {
                **asdict(s), "loaded": loaded[i], "tone": tones[i],
                "loaded_words": [{"word": w, "score": _round(v)} for w, v in words[i]],
            }
            for i, s in enumerate(doc.sentences)
        ],
        "quotes": [asdict(q) for q in doc.quotes],
        "loaded_terms": [asdict(t) for t in vocab.terms] if vocab else [],
        "loaded_by_category": dict(vocab.by_category) if vocab else {},
        "loaded_quoted_by_category": dict(vocab.quoted_by_category) if vocab else {},
        "scores": article_scores(analysis, doc),
        "actor_tone": {k: _round(v) for k, v in tone.actor_tone.items()} if tone else {},
        "actor_evidence": (
            {k: [asdict(e) for e in v] for k, v in tone.evidence.items()} if tone else {}
        ),
        "mentions": [asdict(m) for m in analysis.mentions.get(doc.id, ())],
        "selection": det_dict,
    }


def event_dict(analysis: EventAnalysis) -> dict[str, Any]:
    """One event as a JSON-ready dict."""
    vocab = analysis.vocabulary
    return {
        "id": analysis.id,
        "notes": list(analysis.notes),
        "articles": [article_dict(analysis, d) for d in analysis.documents],
        "details": [asdict(d) for d in analysis.details.details],
        "pairs": [asdict(p) for p in analysis.details.pairs],
        "actors": list(analysis.tone.actors),
        "tone_model": analysis.tone.model,
        "distinctive_terms": {
            k: [asdict(t) for t in v] for k, v in vocab.distinctive.items()
        },
        "substitutions": [asdict(s) for s in vocab.substitutions],
        "actor_labels": [asdict(lab) for lab in vocab.actor_labels],
    }


#: A capitalised name of up to five words ("The Associated Press") or a web address: the
#: phrases of a text that may name an outlet by one of its aliases.
_NAME_PHRASE = re.compile(
    r"(?<![\w.])(?:[\w-]+\.)+(?:com|org|net|ir|ru|uk|co|tv|news)(?![\w.])"
    r"|\b(?:[Tt]he\s+)?[A-Z][\w&'’-]*(?:\s+(?:of\s+|and\s+|&\s+)?[A-Z][\w&'’-]*){0,4}"
)


def blind_names(analysis: EventAnalysis) -> tuple[str, ...]:
    """The outlet names that blind mode hides in an event's texts.

    Each version's outlet as written and without spaces as in web addresses ("Press TV",
    "PressTV"), and every phrase of the texts that the alias rows of
    ``framing/data/outlets.csv`` map to one of these outlets ("The Associated Press" for AP).
    An alias the signature file lacks is not found.
    """
    from .outlets import _bundled

    outlets: set[str] = set()
    names: set[str] = set()
    for doc in analysis.documents:
        outlet = (doc.article.outlet or "").strip()
        if outlet:
            outlets.add(outlet)
            names.update({outlet, outlet.replace(" ", "")})
    aliases = [sig.pattern for sig in _bundled() if sig.kind == "alias" and sig.outlet in outlets]
    if aliases:
        texts = [t for d in analysis.documents for t in (d.article.text, d.article.title) if t]
        phrases = {m.group(0) for t in texts for m in _NAME_PHRASE.finditer(t)}
        for phrase in phrases:
            words = phrase.split()
            # every run of words, so that "The Associated Press Iraq" still yields the alias
            for i in range(len(words)):
                for j in range(i + 1, len(words) + 1):
                    cand = " ".join(words[i:j])
                    if cand not in names and any(p.search(cand) for p in aliases):
                        names.add(cand)
    return tuple(sorted(names))


def _blinder(analysis: EventAnalysis):
    """(labels, hide) for blind output: article id -> "Version A" ..., and a function that
    replaces outlet names in a string with "[outlet]" (as the dashboard's blind mode does)."""
    from .figures import version_labels
    from .html_report import mask_text

    labels = version_labels(analysis, blind=True)
    names = blind_names(analysis)
    return labels, (lambda s: mask_text(s, names) if isinstance(s, str) and s else s)


def _blind_value(value: Any, hide) -> Any:
    """``value`` (JSON-native) with every string and key passed through ``hide``."""
    if isinstance(value, dict):
        return {hide(k): _blind_value(v, hide) for k, v in value.items()}
    if isinstance(value, list):
        return [_blind_value(v, hide) for v in value]
    return hide(value)


def _blind_event(analysis: EventAnalysis, event: dict[str, Any]) -> dict[str, Any]:
    """An event dict with outlets replaced by "Version A" ..., where an article came from
    (``url``, ``source``, ``outlet_evidence``) left out, and outlet names masked in every text."""
    labels, hide = _blinder(analysis)
    for art in event["articles"]:
        art["outlet"] = labels.get(art["id"])
        art["url"] = art["source"] = art["outlet_evidence"] = None
    return _blind_value(event, hide)


def _plain(value: Any) -> Any:
    """JSON-native copy: tuples become lists, mappings become dicts (``asdict`` keeps tuples)."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def to_dict(analyses: Sequence[EventAnalysis], *, blind: bool = False) -> dict[str, Any]:
    """The whole output as a JSON-native dict (see the JSON Schema).

    ``blind=True`` (the dashboard's blind mode): each ``outlet`` becomes "Version A",
    "Version B" ... in input order, ``url``, ``source`` and ``outlet_evidence`` are null, and
    outlet names are replaced by "[outlet]" in every text; character offsets still refer to
    the original, unmasked text.
    """
    events = [event_dict(a) for a in analyses]
    if blind:
        events = [_blind_event(a, _plain(e)) for a, e in zip(analyses, events, strict=True)]
    return _plain(
        {
            "schema_version": SCHEMA_VERSION,
            "framing_version": __version__,
            "generated": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "events": events,
        }
    )


def to_json(analyses: Sequence[EventAnalysis], *, indent: int | None = 2, blind: bool = False) -> str:
    """The whole output as JSON text (``blind``: see :func:`to_dict`)."""
    return json.dumps(to_dict(analyses, blind=blind), ensure_ascii=False, indent=indent)


def to_rows(analyses: Sequence[EventAnalysis], *, blind: bool = False) -> list[dict[str, Any]]:
    """One flat row per article: event, id, outlet, title and every score.

    ``blind=True``: outlet is "Version A" ... and outlet names are replaced by "[outlet]" in
    the other text columns (as :func:`to_dict`).
    """
    rows = []
    for analysis in analyses:
        if blind:
            labels, hide = _blinder(analysis)
        for doc in analysis.documents:
            tone = analysis.tone.articles.get(doc.id)
            row: dict[str, Any] = {
                "event": analysis.id,
                "id": doc.id,
                "outlet": doc.article.outlet or "",
                "title": doc.article.title,
                **article_scores(analysis, doc),
            }
            row["tone_model"] = analysis.tone.model
            for actor, score in sorted((tone.actor_tone if tone else {}).items()):
                row[f"tone_toward:{actor}"] = _round(score)
            if blind:
                row = {hide(k): hide(v) for k, v in row.items()}
                row["outlet"] = labels[doc.id]
            rows.append(row)
    return rows


def to_csv(analyses: Sequence[EventAnalysis], *, blind: bool = False) -> str:
    """CSV with one row per article and its scores (then ``tone_model`` and the actor tone
    columns);
    ``blind``: see :func:`to_rows`."""
    rows = to_rows(analyses, blind=blind)
    columns: list[str] = ["event", "id", "outlet", "title", *SCORE_COLUMNS]
    for row in rows:
        columns.extend(k for k in row if k not in columns)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: ("" if row.get(k) is None else row.get(k)) for k in columns})
    return out.getvalue()


def format_value(value: Any) -> str:
    """A score as shown in Markdown and HTML tables: "–" when missing, floats to 2 places."""
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def to_markdown(analyses: Sequence[EventAnalysis], *, blind: bool = False) -> str:
    """A readable summary: scores per version, loaded terms, details, notes.

    ``blind=True``: versions are "Version A" ... (no file ids) and outlet names are replaced by
    "[outlet]" in every text, as in :func:`to_dict`.
    """
    from .figures import version_labels

    lines: list[str] = ["# framing report", ""]
    for analysis in analyses:
        # the labels of the dashboard and the HTML report ("unknown outlet (002)", "AP (2)")
        labels, hide = (
            _blinder(analysis) if blind else (version_labels(analysis), lambda s: s)
        )
        # input without event ids has the one event DEFAULT_EVENT_ID: no "Event `event`"
        named = analysis.id != DEFAULT_EVENT_ID
        lines += [f"## Event `{hide(analysis.id)}`" if named else "## Event", ""]
        lines += [f"> {hide(note)}" for note in analysis.notes]
        if analysis.notes:
            lines.append("")
        header = ["version", *SCORE_COLUMNS]
        lines.append("| " + " | ".join(header) + " |")
        lines.append("|" + "---|" * len(header))
        for doc in analysis.documents:
            scores = article_scores(analysis, doc)
            cells = [_md_cell(labels[doc.id])] + [format_value(scores[c]) for c in SCORE_COLUMNS]
            lines.append("| " + " | ".join(cells) + " |")
        lines.append("")
        for doc in analysis.documents:
            label = labels[doc.id]
            name = label if blind or label == doc.id else f"{label} (`{doc.id}`)"
            title = hide(doc.article.title) or "(no title)"
            lines.append(f"### {_md_cell(name)}: {_md_cell(title)}")
            vocab = analysis.vocabulary.articles.get(doc.id)
            own = [t for t in (vocab.terms if vocab else ()) if not t.quoted]
            if own:
                # one entry per term, in order of first use, with how often it is used
                keys = [hide(t.text).lower() for t in own]
                uses = Counter(keys)
                first: dict[str, LoadedTerm] = {}
                for key, t in zip(keys, own, strict=True):
                    first.setdefault(key, t)
                terms = ", ".join(
                    f"**{_md_cell(hide(t.text))}**" + (f" ×{uses[key]}" if uses[key] > 1 else "")
                    + f" ({category_name(t.category)}"
                    + (f"; try “{_md_cell(t.alternative)}”" if t.alternative else "")
                    + ")"
                    for key, t in list(first.items())[:15]
                )
                more = len(first) - 15
                lines.append(
                    f"- Loaded terms in its own voice ({len(own)}): {terms}"
                    + (f", and {more} more" if more > 0 else "")
                )
            tone = analysis.tone.articles.get(doc.id)
            if tone and tone.actor_tone:
                actors = ", ".join(f"{hide(k)} {v:+z.2f}" for k, v in tone.actor_tone.items())
                lines.append(f"- Tone toward actors ({analysis.tone.model} model): {actors}")
            det = analysis.details.articles.get(doc.id)
            if det and (det.dropped or det.added):
                lines.append(
                    f"- Details dropped: {len(det.dropped)}; added: {len(det.added)}"
                )
            if doc.removed:
                kinds = sorted({r.kind for r in doc.removed})
                lines.append(f"- Removed before analysis: {plural(len(doc.removed), 'part')} ({', '.join(kinds)})")
            for warning in doc.article.warnings:
                lines.append(f"- **Warning**: {hide(warning)}")
            lines.append("")
        if analysis.details.pairs:
            lines += ["### Pairs", "", "| a | b | similarity | reuse |", "|---|---|---|---|"]
            for p in analysis.details.pairs:
                lines.append(
                    f"| {_md_cell(labels.get(p.a, p.a))} | {_md_cell(labels.get(p.b, p.b))} "
                    f"| {p.similarity:.2f} | {p.reuse:.2f} |"
                )
            lines.append("")
    return "\n".join(lines)
