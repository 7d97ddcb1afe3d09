"""Tone per sentence, per version and toward each actor.

This is the only module that knows which sentiment engines are used:

* **Sentence and article tone** is VADER's compound score (Hutto & Gilbert, ICWSM 2014;
  ``vaderSentiment``), in [-1, 1].  A version's *own voice* is the compound of its text outside
  direct quotations, sentence by sentence, averaged with each part weighted by its word count; its
  *quoted* tone is the same over the text inside quotations.
* **Tone toward an actor** is target-dependent: for every mention, a model trained on NewsMTSC
  reads the sentence knowing where the mention is, and returns P(positive) - P(negative) in
  [-1, 1].  ``Settings.tone_model`` picks it: ``transformer`` (the default, a fine-tuned MiniLM,
  :mod:`framing.transformer_tone`) or ``linear`` (:mod:`framing.target_tone`, about 100 times
  cheaper, the corpus mode's default).  An actor's score in a version is the mean
  over the sentences that mention it (several mentions in one sentence are averaged first, so that
  a sentence counts once).  Each score keeps its evidence: the sentences and mentions behind it.
* **The victim of violence** ("the assassination of Soleimani", "Khashoggi was murdered") is
  not portrayed negatively by the harm its sentence reports, which models trained on NewsMTSC
  still read as negative: such a mention's negative score counts as 0, and its evidence keeps
  the words that made it a victim and the model's own score (:func:`spare_victims`,
  :mod:`framing.victims`).

Example:
    >>> from framing.types import Article, Document, Sentence
    >>> body = "Iraq praised Russia's help. The US threatened Iraq with sanctions."
    >>> sents = (Sentence(0, 0, 27, body[0:27]), Sentence(1, 28, len(body), body[28:]))
    >>> doc = Document(Article("a", body), body, sentences=sents)
    >>> from framing.actors import find_mentions
    >>> tone = analyze([doc], {"a": find_mentions(doc)})
    >>> sorted(tone.articles["a"].actor_tone)
    ['Iraq', 'Russia', 'United States']
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from itertools import accumulate

from . import target_tone, transformer_tone
from .errors import InputError
from .settings import DEFAULT_SETTINGS, Settings, check_tone_model
from .target_tone import compound, compound_words
from .types import ActorMention, ArticleTone, Document, EventTone, Quote, ToneEvidence
from .victims import tells_of_harm, victim_of

# Main actors: at most this many, each mentioned at least MIN_MENTIONS times across the event.
# 12 keeps the actor x version table readable; 2 drops one-off passing mentions.
MAX_MAIN_ACTORS = 12
MIN_MENTIONS = 2
#: At most this many actor mentions are scored in one batch (:func:`analyze_many`): a corpus
#: worker's task holds a few hundred, and many events given at once (``framing.analyze``) are
#: scored in batches of this size, so that the linear model's arrays stay small.
MAX_BATCH_TARGETS = 4096


def sentence_tone(text: str) -> float:
    """VADER compound score of ``text`` in [-1, 1] (0.0 for empty text).

    Example:
        >>> sentence_tone("The talks were a great success.") > 0
        True
    """
    return compound(text)


#: How each tone model is named to readers (dashboard, reports).
MODEL_NAMES = {
    "transformer": "a fine-tuned transformer (MiniLM) that reads the whole sentence",
    "linear": "a linear model over the words around the mention (faster, less accurate)",
}

Predictor = Callable[
    [Sequence[str], Sequence[tuple[int, int]], Sequence[Sequence[tuple[int, int]]] | None],
    list[tuple[int, float]],
]


def predictor(model: str) -> Predictor:
    """The ``predict(sentences, spans, others)`` function of a tone model named in
    :data:`framing.settings.TONE_MODELS` (``others``: spans of other mentions of each target's
    actor in its sentence, or None).

    Raises:
        InputError: ``model`` is not one of them.
    """
    check_tone_model(model)
    return transformer_tone.predict if model == "transformer" else target_tone.predict


def _split_quoted(
    doc: Document, start: int, end: int, quotes: Sequence[Quote] | None = None
) -> tuple[list[str], list[str]]:
    """The parts of ``body[start:end]`` outside and inside quotations (``quotes``: the
    document's quotations sorted by start, when the caller has them)."""
    own: list[str] = []
    quoted: list[str] = []
    pos = start
    if quotes is None:
        quotes = sorted(doc.quotes, key=lambda q: q.start)
    for q in quotes:
        if q.end <= start or q.start >= end:
            continue
        a, b = max(q.start, start), min(q.end, end)
        if a > pos:
            own.append(doc.body[pos:a])
        quoted.append(doc.body[a:b])
        pos = max(pos, b)
    if pos < end:
        own.append(doc.body[pos:end])
    return own, quoted


def _weighted_mean(parts: list[tuple[float, int]]) -> float | None:
    total = sum(w for _, w in parts)
    if not total:
        return None
    return sum(s * w for s, w in parts) / total


#: A version's targets for a tone model: the mentions that fall in one of its sentences, the
#: text of each one's sentence, each one's span in it (clipped to the sentence), and the spans of
#: other mentions of the same actor in that sentence (masked too by the transformer model; None
#: for the linear model, which does not read them).
_Targets = tuple[
    list[ActorMention], list[str], list[tuple[int, int]], list[list[tuple[int, int]]] | None
]


def _mention_targets(doc: Document, mentions: Sequence[ActorMention], others: bool) -> _Targets:
    """``doc``'s targets (with the other mentions' spans when ``others``)."""
    usable = [m for m in mentions if 0 <= m.sentence < len(doc.sentences)]
    sents, spans = [], []
    for m in usable:
        s = doc.sentences[m.sentence]
        sents.append(s.text)
        spans.append((max(m.start - s.start, 0), min(m.end - s.start, len(s.text))))
    if not others:
        return usable, sents, spans, None
    local: dict[tuple[int, str], list[tuple[int, int]]] = defaultdict(list)
    for m, span in zip(usable, spans, strict=True):
        local[m.sentence, m.actor].append(span)
    return usable, sents, spans, [[o for o in local[m.sentence, m.actor] if o != span]
                                  for m, span in zip(usable, spans, strict=True)]


def _article_tone(
    doc: Document, targets: _Targets, preds: Sequence[tuple[int, float]],
    spared: Sequence[Spared | None],
) -> ArticleTone:
    """One version's tone, given its targets (:func:`_mention_targets`), their predictions and
    what :func:`spare_victims` changed in them."""
    body = doc.body
    # sentence_tone of each sentence, and its number of words
    scored = [compound_words(s.text) for s in doc.sentences]
    sentence_scores = tuple([round(x[0], 4) for x in scored])
    own_parts: list[tuple[float, int]] = []
    quoted_parts: list[tuple[float, int]] = []
    quotes = sorted(doc.quotes, key=lambda q: q.start)
    # The quotations that start before each end, and the last end among them: a sentence
    # after that end holds no quotation.
    starts = [q.start for q in quotes]
    reach = list(accumulate((q.end for q in quotes), max))
    for s, (score, words) in zip(doc.sentences, scored, strict=True):
        k = bisect_left(starts, s.end)
        if k and reach[k - 1] > s.start:
            own, quoted = _split_quoted(doc, s.start, s.end, quotes[:k])
        elif s.start < s.end and len(s.text) == s.end - s.start and body.startswith(
            s.text, s.start
        ):
            # Without quotations, a sentence is its own voice (what _split_quoted gives:
            # body[s.start:s.end], which is its text): its score and words are known.
            if words >= 2:
                own_parts.append((score, words))
            continue
        else:  # what _split_quoted gives without quotations
            own, quoted = ([body[s.start:s.end]] if s.start < s.end else []), []
        for text in own:
            n_words = len(text.split())
            if n_words >= 2:
                # A sentence without quotations is its own voice: its score is known.
                own_parts.append((score if text == s.text else sentence_tone(text), n_words))
        for text in quoted:
            n_words = len(text.split())
            if n_words >= 1:
                quoted_parts.append((sentence_tone(text), n_words))
    own_voice = _weighted_mean(own_parts)
    quoted_tone = _weighted_mean(quoted_parts)

    # Target-dependent tone of every mention.
    usable = targets[0]
    evidence: dict[str, list[ToneEvidence]] = defaultdict(list)
    for m, (pol, score), sp in zip(usable, preds, spared, strict=True):
        s = doc.sentences[m.sentence]
        # doc.is_quoted(m.start, m.end): a quotation that starts at or before the mention ends
        # at or after its end.
        k = bisect_right(starts, m.start)
        evidence[m.actor].append(
            ToneEvidence(actor=m.actor, sentence=m.sentence, sentence_text=s.text, mention=m.text,
                         start=m.start, end=m.end, score=round(score, 4), polarity=pol,
                         quoted=bool(k) and reach[k - 1] >= m.end,
                         victim=None if sp is None else sp[0],
                         model_score=None if sp is None else round(sp[1], 4))
        )
    actor_tone: dict[str, float] = {}
    for actor, evs in evidence.items():
        per_sentence = [mean for mean, _ in mention_sentences(evs)]
        actor_tone[actor] = round(sum(per_sentence) / len(per_sentence), 4)
    return ArticleTone(
        sentence_scores=sentence_scores,
        own_voice=None if own_voice is None else round(own_voice, 4),
        quoted=None if quoted_tone is None else round(quoted_tone, 4),
        actor_tone=actor_tone,
        evidence={a: tuple(v) for a, v in evidence.items()},
    )


def mention_sentences(evidence: Iterable[ToneEvidence]) -> list[tuple[float, list[ToneEvidence]]]:
    """An actor's mentions in one version grouped by sentence, in order of first mention, each
    sentence with the mean of its mentions' scores: the units the actor's tone averages (a
    sentence that names the actor twice counts once).

    Example:
        >>> e = [ToneEvidence("Iraq", s, "", "Iraq", 0, 4, v, 0) for s, v in ((0, -0.5), (1, 0.2), (0, -0.1))]
        >>> [(round(m, 2), len(g)) for m, g in mention_sentences(e)]
        [(-0.3, 2), (0.2, 1)]
    """
    groups: dict[int, list[ToneEvidence]] = {}
    for e in evidence:
        groups.setdefault(e.sentence, []).append(e)
    return [(sum(e.score for e in g) / len(g), g) for g in groups.values()]


def main_actors(mentions: Mapping[str, Sequence[ActorMention]]) -> tuple[str, ...]:
    """The event's main actors in order of prominence.

    Prominence: the number of versions that mention the actor, then its total mentions, then
    how early it first appears (mean relative sentence position).

    Example:
        >>> m = ActorMention("Iraq", 0, 4, "Iraq", 0)
        >>> main_actors({"a": (m, m), "b": (m,)})
        ('Iraq',)
    """
    versions: Counter[str] = Counter()
    total: Counter[str] = Counter()
    first: dict[str, list[int]] = defaultdict(list)
    for ms in mentions.values():
        seen: set[str] = set()
        for m in ms:
            total[m.actor] += 1
            if m.actor not in seen:
                seen.add(m.actor)
                versions[m.actor] += 1
                first[m.actor].append(m.sentence)
    ranked = sorted(
        (a for a in total if total[a] >= MIN_MENTIONS),
        key=lambda a: (-versions[a], -total[a], sum(first[a]) / len(first[a]), a),
    )
    return tuple(ranked[:MAX_MAIN_ACTORS])


def analyze(
    documents: Sequence[Document],
    mentions: Mapping[str, tuple[ActorMention, ...]],
    *,
    settings: Settings = DEFAULT_SETTINGS,
) -> EventTone:
    """Tone of each version, in its own voice and quoted, and toward each actor.

    Args:
        documents: The cleaned versions of one event.
        mentions: Article id -> actor mentions (from :func:`framing.actors.find_mentions`).
        settings: Analysis settings; ``tone_model`` picks the model for tone toward actors.

    Returns:
        Per version: sentence scores, own-voice and quoted tone, tone toward each actor with
        its evidence; the event's main actors in order of prominence; the tone model's name.
    """
    return analyze_many([(documents, mentions)], settings=settings)[0]


def analyze_many(
    events: Sequence[tuple[Sequence[Document], Mapping[str, tuple[ActorMention, ...]]]],
    *,
    settings: Settings = DEFAULT_SETTINGS,
) -> list[EventTone]:
    """:func:`analyze` of several events (each its versions and their mentions), with the
    mentions of all of them scored in one batch: the same results as one call per event.

    A target's result depends on its sentence and spans only (the transformer runs each input
    alone), and a batch has a fixed cost (the linear model's array set-up and sparse product):
    about 0.7 ms per event, which a batch of eight events shares (docs/performance.md, sixth
    round).

    Example:
        >>> from framing.actors import find_mentions
        >>> from framing.clean import clean
        >>> from framing.types import Article
        >>> a = clean(Article("a", "Iraq won a fine victory."))
        >>> b = clean(Article("b", "Iraq lost a terrible war."))
        >>> ma, mb = {"a": find_mentions(a)}, {"b": find_mentions(b)}
        >>> many = analyze_many([([a], ma), ([b], mb)])
        >>> many == [analyze([a], ma), analyze([b], mb)]
        True
        >>> [round(t.articles[v].actor_tone["Iraq"], 2) > 0 for t, v in zip(many, "ab")]
        [True, False]
    """
    predict = predictor(settings.tone_model)
    with_others = predict is not target_tone.predict
    targets = [[_mention_targets(d, mentions.get(d.id, ()), with_others) for d in documents]
               for documents, mentions in events]
    every = [t for ts in targets for t in ts]
    sents = [s for t in every for s in t[1]]
    spans = [p for t in every for p in t[2]]
    others = [o for t in every for o in t[3] or ()] if with_others else None
    preds, spared = spare_victims(
        sents, spans, _in_batches(predict, sents, spans, others, MAX_BATCH_TARGETS)
    )
    out = []
    k = 0
    for (documents, mentions), ts in zip(events, targets, strict=True):
        articles = {}
        for d, t in zip(documents, ts, strict=True):
            n = len(t[0])
            articles[d.id] = _article_tone(d, t, preds[k:k + n], spared[k:k + n])
            k += n
        out.append(EventTone(articles=articles, actors=main_actors(mentions),
                             model=settings.tone_model))
    return out


def _in_batches(
    predict: Predictor, sentences: list[str], spans: list[tuple[int, int]],
    others: list[list[tuple[int, int]]] | None, size: int,
) -> list[tuple[int, float]]:
    """``predict``'s results for the targets, asked in batches of at most ``size`` targets."""
    out: list[tuple[int, float]] = []
    for i in range(0, len(sentences), size):
        j = i + size
        out += predict(sentences[i:j], spans[i:j], None if others is None else others[i:j])
    return out


#: What :func:`spare_victims` changed in a target's prediction: the words that make the target
#: the victim of violence, and the model's own score.
Spared = tuple[str, float]


def spare_victims(
    sentences: Sequence[str], spans: Sequence[tuple[int, int]],
    preds: Sequence[tuple[int, float]],
) -> tuple[list[tuple[int, float]], list[Spared | None]]:
    """``preds`` with the victims of violence spared: a target that
    :func:`framing.victims.victim_of` reads as the victim in its sentence gets at least
    polarity 0 and score 0 (a positive prediction, such as sympathy, is kept).  Also returns,
    for each target, what was changed (its victim words and the model's score) or None.

    Example:
        >>> s = "The assassination of Soleimani sparked protests."
        >>> spare_victims([s, s], [(21, 30), (0, 3)], [(-1, -0.9), (-1, -0.5)])
        ([(0, 0.0), (-1, -0.5)], [('assassination of', -0.9), None])
    """
    out = list(preds)
    spared: list[Spared | None] = [None] * len(out)
    harm: dict[str, bool] = {}  # sentence -> whether it tells of harm (mentions share them)
    for i, (pol, score) in enumerate(out):
        if pol < 0 or score < 0:  # (most targets are not negative: no reading needed)
            sentence = sentences[i]
            told = harm.get(sentence)
            if told is None:
                told = harm[sentence] = tells_of_harm(sentence)
            if not told:
                continue
            start, end = spans[i]
            words = victim_of(sentence, start, end)
            if words is not None:
                out[i] = (max(pol, 0), max(score, 0.0))
                spared[i] = (words, score)
    return out, spared


def score_targets(
    records: Iterable[Mapping[str, object]], *, model: str = "transformer",
    spared: list[Spared | None] | None = None, victims: bool = True,
) -> list[tuple[int, float]]:
    """Polarity (-1, 0, 1) and score in [-1, 1] toward the target of each record, the victims
    of violence spared as in analysis (:func:`spare_victims`); ``spared``, when given, is
    extended with what that changed for each record (or None).  ``victims=False`` gives the
    model's own predictions (``spared`` is then left as it is).

    Each record has ``sentence`` (str) and ``target_start``/``target_end`` (character offsets of
    the target in the sentence), and may have ``further_mentions``, other mentions of the target
    in the sentence as ``[start, end, text]`` (NewsMTSC's field): those that name it are masked
    like the target (:func:`framing.transformer_tone.name_spans`; pronouns are not).  This is
    what ``framing tone FILE.jsonl`` runs.  ``model`` is ``transformer`` (default) or
    ``linear``.

    Raises:
        InputError: A record lacks a field, its offsets do not fall inside the sentence, or the
            model is unknown.

    Example:
        >>> [(p, round(s, 2)) for p, s in score_targets(
        ...     [{"sentence": "Critics praised Smith.", "target_start": 16, "target_end": 21}]
        ... )][0][0] in (-1, 0, 1)
        True
    """
    predict = predictor(model)
    sentences: list[str] = []
    spans: list[tuple[int, int]] = []
    others: list[list[tuple[int, int]]] = []
    for n, r in enumerate(records, 1):
        if not isinstance(r, Mapping):
            raise InputError(f"record {n}: expected a JSON object with sentence, target_start, "
                             "target_end")
        missing = [k for k in ("sentence", "target_start", "target_end") if k not in r]
        if missing:
            raise InputError(f"record {n}: missing {', '.join(missing)}")
        sentence = r["sentence"]
        if not isinstance(sentence, str):
            raise InputError(f"record {n}: sentence must be a string")
        try:
            start, end = int(r["target_start"]), int(r["target_end"])  # type: ignore[call-overload]
        except (TypeError, ValueError):
            raise InputError(f"record {n}: target_start and target_end must be integers") from None
        if not 0 <= start < end <= len(sentence):
            raise InputError(
                f"record {n}: target offsets {start}..{end} do not fall inside the sentence "
                f"({len(sentence)} characters)"
            )
        sentences.append(sentence)
        spans.append((start, end))
        others.append(_further_names(n, r.get("further_mentions"), len(sentence)))
    if not victims:
        return predict(sentences, spans, others)
    preds, changed = spare_victims(sentences, spans, predict(sentences, spans, others))
    if spared is not None:
        spared.extend(changed)
    return preds


def _further_names(n: int, further: object, length: int) -> list[tuple[int, int]]:
    """The spans of a record's ``further_mentions`` that name the target (checked)."""
    if further is None:
        return []
    ok = isinstance(further, list) and all(
        isinstance(m, list | tuple) and len(m) == 3 and isinstance(m[2], str)
        and isinstance(m[0], int) and isinstance(m[1], int) and 0 <= m[0] < m[1] <= length
        for m in further
    )
    if not ok:
        raise InputError(f"record {n}: further_mentions must be a list of [start, end, text] "
                         "inside the sentence")
    return transformer_tone.name_spans(further)  # type: ignore[arg-type]
