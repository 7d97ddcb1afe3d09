"""A fully populated EventAnalysis for the dashboard, figure, findings and report tests.

The scoring modules fill these records for real; these tests check the views and figures
*given* such records, so they build one by hand from the bundled event's real texts with
crude, generic rules (word lists and word overlap), plus hostile markup in one version.
Nothing here is used by ``framing`` itself.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from framing import analyze_event, load_articles
from framing.types import (
    ActorLabel,
    ArticleDetails,
    ArticleTone,
    ArticleVocabulary,
    Detail,
    DistinctiveTerm,
    EventAnalysis,
    EventDetails,
    EventTone,
    EventVocabulary,
    LoadedTerm,
    Pair,
    Removed,
    Substitution,
    ToneEvidence,
)

ROOT = Path(__file__).resolve().parents[1]
EVENT = ROOT / "data" / "events" / "iraq-russia-military-ties-2020-02" / "articles.jsonl"
HOSTILE = '<script>alert("x")</script><img src=x onerror="alert(1)">'

_WORDS = {
    "threatens": ("intensifier", "threaten is stronger than warn", "warns"),
    "assassination": ("loaded label", "names a killing as murder", "killing"),
    "terror": ("loaded label", "a contested label", "armed group"),
    "illegal": ("judgement", "a legal verdict in the writer's voice", "disputed"),
    "unwavering": ("intensifier", "an emphatic adjective", ""),
    "slammed": ("intensifier", "emotive reporting verb", "criticised"),
}
_ACTORS = ("Iraq", "Russia", "United States")
_NEG = {"killed", "threatens", "sanctions", "assassination", "terror", "attack", "illegal"}
_POS = {"support", "cooperation", "ready", "help", "strengthen", "unwavering"}


def _words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[A-Za-z]{4,}", text)}


def build(hostile: bool = False) -> EventAnalysis:
    """The bundled event with every score filled; ``hostile`` puts markup into one version."""
    base = analyze_event(load_articles([EVENT]))
    docs = list(base.documents)
    if hostile:
        d = docs[1]
        art = replace(d.article, title=HOSTILE + d.article.title, outlet="AP" + HOSTILE)
        body = HOSTILE + " " + d.body
        from framing.clean import clean

        docs[1] = clean(replace(art, text=body))
    docs = [
        replace(d, removed=(Removed("comments", "Reader comment <b>here</b>", 0, 10),)) if k == 3 else d
        for k, d in enumerate(docs)
    ]
    ids = [d.id for d in docs]

    # vocabulary
    vocab: dict[str, ArticleVocabulary] = {}
    for d in docs:
        terms = []
        for m in re.finditer(r"[A-Za-z]+", d.body):
            w = m.group().lower()
            if w in _WORDS:
                cat, why, alt = _WORDS[w]
                sent = next((s.index for s in d.sentences if s.start <= m.start() < s.end), 0)
                terms.append(
                    LoadedTerm(m.start(), m.end(), m.group(), cat, alt, why, d.is_quoted(m.start(), m.end()), sent)
                )
        if len(terms) > 1 and not any(t.quoted for t in terms):  # one quoted term per version
            terms[0] = replace(terms[0], quoted=True, speaker="the minister")
        n_words = max(1, len(d.body.split()))
        own = [t for t in terms if not t.quoted]
        cats: dict[str, float] = {}
        for t in own:
            cats[t.category] = cats.get(t.category, 0) + 100 / n_words
        scores = tuple(float(sum(1 for t in terms if t.sentence == s.index)) for s in d.sentences)
        vocab[d.id] = ArticleVocabulary(tuple(terms), scores, 100 * len(own) / n_words, 0.0, cats)
    distinctive = {
        d.id: tuple(
            DistinctiveTerm(d.id, w, 2, 1.0, 3.0 - k * 0.3) for k, w in enumerate(sorted(_words(d.body))[:5])
        )
        for d in docs
    }

    # details: each sentence of the first version of the AP story is a detail
    ref = docs[1]
    details = []
    for k, s in enumerate(ref.sentences[:12]):
        sw = _words(s.text)
        status, sentences, index, position = {}, {}, {}, {}
        for d in docs:
            best, best_j = None, 0.0
            for t in d.sentences:
                tw = _words(t.text)
                j = len(sw & tw) / max(1, len(sw | tw))
                if j > best_j:
                    best, best_j = t, j
            if best is not None and best_j > 0.25:
                status[d.id] = "verbatim" if best_j > 0.8 else "paraphrase" if best_j > 0.45 else "changed"
                sentences[d.id] = best.text
                index[d.id] = (best.index,)
                position[d.id] = best.index / max(1, len(d.sentences) - 1)
            else:
                status[d.id], sentences[d.id], index[d.id], position[d.id] = "absent", None, (), None
        details.append(
            Detail(f"d{k + 1:02d}", s.text, sentences, index, status, position,
                   changes={i: ("rank: Gen. -> General",) for i in ids if status[i] == "changed"})
        )
    # one detail only ZeroHedge has
    zh = docs[3]
    last = zh.sentences[-1]
    details.append(
        Detail("d99", last.text, {i: (last.text if i == zh.id else None) for i in ids},
               {i: ((last.index,) if i == zh.id else ()) for i in ids},
               {i: ("verbatim" if i == zh.id else "absent") for i in ids},
               {i: (1.0 if i == zh.id else None) for i in ids})
    )
    art_det = {}
    for d in docs:
        carried = [x for x in details if x.status[d.id] != "absent"]
        art_det[d.id] = ArticleDetails(
            kept_share=len(carried) / len(details),
            added_share=0.1,
            dropped=tuple(x.id for x in details if x.status[d.id] == "absent"),
            added=tuple(x.id for x in details if x.status[d.id] != "absent" and sum(x.status[i] != "absent" for i in ids) == 1),
        )
    pairs = tuple(
        Pair(a, b, 0.5, 0.9 if (a, b) == (ids[1], ids[2]) else 0.2, 0.3, ids[2] if (a, b) == (ids[1], ids[2]) else None)
        for n, a in enumerate(ids) for b in ids[n + 1:]
    )

    # tone
    tones = {}
    for d in docs:
        sc = []
        for s in d.sentences:
            w = _words(s.text)
            sc.append(max(-1.0, min(1.0, 0.3 * (len(w & _POS) - len(w & _NEG)))))
        actor_tone, evidence = {}, {}
        for a in _ACTORS:
            ev = []
            for s in d.sentences:
                k = s.text.find(a)
                if k >= 0:
                    ev.append(ToneEvidence(a, s.index, s.text, a, s.start + k, s.start + k + len(a), sc[s.index], (sc[s.index] > 0) - (sc[s.index] < 0)))
            if ev:
                evidence[a] = tuple(ev)
                actor_tone[a] = sum(e.score for e in ev) / len(ev)
        own = sum(sc) / len(sc) if sc else None
        tones[d.id] = ArticleTone(tuple(sc), own, None, actor_tone, evidence)
    labels = tuple(
        ActorLabel("Russia", d.id, "Moscow", 0, 6, 0) for d in docs[:3]
    ) + (ActorLabel("United States", docs[3].id, "Washington's puppet <masters>", 0, 5, 0),)
    subs = (
        Substitution("d01", ids[1], ids[3], ("considers",), ("look to",), ref.sentences[0].text, docs[3].sentences[0].text),
    )
    return replace(
        base,
        documents=tuple(docs),
        vocabulary=EventVocabulary(vocab, distinctive, subs, labels),
        details=EventDetails(tuple(details), pairs, art_det),
        tone=EventTone(tones, _ACTORS),
    )
