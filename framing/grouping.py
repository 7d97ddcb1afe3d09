"""Group articles that come without event ids into events.

Two articles report the same event when their words and the names they mention overlap and they
were published within a few days of each other.  The grouping never compares every pair:

1. **Vectors.** Each article becomes a sparse TF-IDF vector of its words (English stop words
   removed, sublinear term frequency) plus its capitalised names (``Harry Reid`` ->
   ``harry_reid``), and a second one of its headline's words (the first line of the text, where
   a news story puts what happened); the two are joined with weights so that the cosine of two
   articles is ``(1 - title_weight) * body cosine + title_weight * headline cosine``.  Features
   are hashed into a fixed space (:class:`~sklearn.feature_extraction.text.HashingVectorizer`),
   so vectorising streams in batches and needs no vocabulary in memory.
2. **Candidate edges in a date window.** Articles are sorted by date; each block of rows is
   multiplied (sparse cosine) only with the articles published at most ``window_days`` days
   before or after it.  The similarity of a pair is its cosine minus ``day_penalty`` per day
   between the two publication days (follow-up stories a few days later share much of the
   wording); only pairs at or above ``threshold`` are kept.  Undated articles are compared with
   every article, without a day penalty (the one quadratic case; the summary counts them).
3. **Average linkage inside connected components.** Two groups whose average similarity reaches
   ``threshold`` must contain a pair at or above it, so the connected components of the
   candidate graph are exactly the blocks that average-linkage clustering at ``threshold`` can
   merge within; each component is clustered on its own (scikit-learn
   :class:`~sklearn.cluster.AgglomerativeClustering`, pairs outside the date window forbidden).
   A component larger than ``max_component`` is first split at a stricter threshold (an
   approximation, reported in :attr:`Grouping.notes`).

Event ids are ``g-`` plus a hash of the member article ids, so the same corpus always gets the
same ids (this is what lets a batch run resume).

Tuning (on ``../shared/bench/basil_dev.jsonl``, 90 articles, 30 events; ``framing eval grouping``
reports the figure and a held-out estimate from repeated two-fold splits by event, with the
threshold, headline weight and day penalty chosen on one fold and scored on the other): see the
constants below.

Example:
    >>> from framing.types import Article
    >>> arts = [
    ...     Article("a", "Senator Harry Reid said the mosque near ground zero should move.",
    ...             date="2010-08-16"),
    ...     Article("b", "Harry Reid breaks with Obama over the ground zero mosque.",
    ...             date="2010-08-16"),
    ...     Article("c", "The Lakers beat the Celtics in game seven of the NBA finals.",
    ...             date="2010-06-17"),
    ... ]
    >>> g = group_articles(arts)
    >>> g.labels[0] == g.labels[1] != g.labels[2]
    True
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from .types import Article

#: Similarity (cosine minus the day penalty) at or above which two articles (and, on average,
#: two groups) are the same event.  Tuned on BASIL dev with the constants below: ARI is 1.0 for
#: every threshold from 0.09 to 0.17 (``framing eval --suite grouping`` prints the plateau);
#: 0.13 sits in the middle.
THRESHOLD = 0.13
#: Articles more than this many days apart are never the same event.  BASIL dev: the versions
#: of one event lie at most 3 days apart (30 events); 4 leaves a day of slack for time zones.
WINDOW_DAYS = 4
#: Similarity taken off per day between two articles' publication days.  BASIL dev: 63 of the
#: 90 same-event pairs share a day, 14 lie one day apart, 13 two or three; the closest pairs of
#: different events within the window are follow-up stories 1-3 days later (a chairman urged to
#: resign three days after the report he was accused of misreading).  0.02-0.03 gives ARI 1.0
#: on a wide threshold plateau; without it, the best ARI is 0.989.
DAY_PENALTY = 0.02
#: Weight of the headline's cosine in an article pair's similarity (the body has the rest).  A
#: headline states what happened in a few words, so two headlines of one event share them even
#: when the bodies differ in length and angle (BASIL dev: a 200-word HuffPost story next to a
#: 1,700-word NYT one).  0.2-0.3 gives ARI 1.0 on BASIL dev (with the day penalty); 0.1 0.998.
TITLE_WEIGHT = 0.2
#: Words of the first line read as the headline when an article has no separate title line
#: (news headlines run under 20 words; 30 takes in a lead sentence when there is no headline).
TITLE_WORDS = 30
#: Weight of the name features relative to the word features before normalising.  BASIL dev:
#: 0.5 and 1.0 give the same best ARI; names are counted in the words too, so this only tilts.
NAME_WEIGHT = 0.75
#: Words of each article read (title + lead + body): the whole of a normal news story
#: (BASIL articles have 230-1,900 words); caps the cost of very long input.
MAX_WORDS = 2000
#: Hashed feature space: 2**20 columns keeps collisions rare for news vocabularies (one such
#: block each for body words, names and headline words).
N_FEATURES = 2**20
#: Largest component clustered exactly with average linkage (its dense distance matrix takes
#: ``max_component**2 * 8`` bytes: 72 MB at 3,000).
MAX_COMPONENT = 3000
#: Heaviest TF-IDF entries per article used to find candidate pairs, and the partial
#: similarity a pair needs on them to be checked in full.  On BASIL dev, 40 terms with a floor
#: of 0.02 miss none of the pairs at or above THRESHOLD (tests/test_grouping.py checks that no
#: pair is missed); the cut makes the candidate search cheap because common words drop out of
#: the product.
TOP_TERMS = 40
CANDIDATE_FLOOR = 0.02
#: Rows per block of the sparse similarity product (bounds the memory of one block).
BLOCK_ROWS = 2000

_WORD = r"(?u)\b[a-zA-Z][a-zA-Z]+\b"
_NAME = re.compile(r"\b[A-Z][a-zA-Z'’-]+(?:\s+[A-Z][a-zA-Z'’-]+)*")
_UNDATED = -1


@dataclass(frozen=True)
class Grouping:
    """Events found among articles.

    Attributes:
        labels: One event id per input article, in input order.
        n_events: Number of distinct events.
        candidate_pairs: Pairs of articles whose similarity was kept (at or above threshold).
        undated: Articles without a readable date (compared with every article).
        notes: Plain-language notes (e.g. a component too large for exact clustering).
    """

    labels: tuple[str, ...]
    n_events: int
    candidate_pairs: int = 0
    undated: int = 0
    notes: tuple[str, ...] = ()


def parse_day(date: str | None) -> int:
    """Day number (proleptic ordinal) of an ISO date or date-time; -1 when absent or unreadable.

    Example:
        >>> parse_day("2019-01-02T10:00:00Z") - parse_day("2019-01-01")
        1
        >>> parse_day(None)
        -1
    """
    if not date:
        return _UNDATED
    try:
        return _dt.date.fromisoformat(str(date).strip()[:10]).toordinal()
    except ValueError:
        return _UNDATED


def headline(text: str, *, max_words: int = TITLE_WORDS) -> str:
    r"""The first line of ``text`` (its headline, or the start of its lead), cut to ``max_words``.

    Example:
        >>> headline("Reid breaks with Obama\n\nSenator Harry Reid said on Monday ...")
        'Reid breaks with Obama'
    """
    first = text.lstrip().split("\n", 1)[0]
    return " ".join(first.split()[:max_words])


def _names(text: str) -> str:
    """The capitalised names of ``text`` joined as single tokens (``harry_reid``)."""
    found = _NAME.findall(text)
    return "\x00".join(found).lower().replace(" ", "_").replace("’", "'").replace("\x00", " ")


class Vectorizer:
    """Stateless hashed vectoriser of word, name and headline counts (safe batch by batch).

    Example:
        >>> Vectorizer().counts(["Harry Reid spoke.", "Reid spoke again."]).shape[0]
        2
    """

    def __init__(self, *, n_features: int = N_FEATURES, max_words: int = MAX_WORDS) -> None:
        from sklearn.feature_extraction.text import HashingVectorizer

        self.max_words = max_words
        common = dict(n_features=n_features, alternate_sign=False, norm=None, dtype=np.float32)
        self._words = HashingVectorizer(stop_words="english", token_pattern=_WORD, **common)
        self._names = HashingVectorizer(
            lowercase=False, token_pattern=r"\S+", **common
        )

    def counts(self, texts: Sequence[str]) -> sp.csr_matrix:
        """Word, name and headline-word counts side by side (three hashed blocks).

        The headline is the first line of each text (see :func:`headline`).
        """
        cut = [" ".join(t.split()[: self.max_words]) for t in texts]
        names = [_names(t) for t in cut]
        heads = [headline(t) for t in texts]
        return sp.hstack([
            self._words.transform(cut), self._names.transform(names),
            self._words.transform(heads),
        ]).tocsr()


def article_text(article: Article) -> str:
    """The text grouped on: the title (when not already the first line) and the raw text."""
    if article.title and not article.text.lstrip().startswith(article.title):
        return f"{article.title}\n\n{article.text}"
    return article.text


def weight(
    counts: sp.csr_matrix, *, name_weight: float = NAME_WEIGHT, title_weight: float = TITLE_WEIGHT
) -> sp.csr_matrix:
    """TF-IDF rows (sublinear tf, smoothed idf from these articles) whose dot products are
    ``(1 - title_weight) * body cosine + title_weight * headline cosine``.

    The body vector is the words with the names added at ``name_weight`` (each block L2-normed
    first, then the sum); the headline vector is L2-normed on its own.
    """
    x = counts.tocsr().astype(np.float32, copy=True)
    x.data = 1.0 + np.log(x.data)
    n = x.shape[0]
    if x.nnz >= x.shape[1]:
        df = np.bincount(x.indices, minlength=x.shape[1]).astype(np.float32)
        x.data *= (np.log((1.0 + n) / (1.0 + df)) + 1.0)[x.indices]
    else:  # few articles: count only the columns in use
        _, where, df_used = np.unique(x.indices, return_inverse=True, return_counts=True)
        x.data *= (np.log((1.0 + n) / (1.0 + df_used.astype(np.float32))) + 1.0)[where]
    # Each block (words, names, headline) is L2-normed on its own, in place: the blocks occupy
    # disjoint columns, so the body (words + name_weight * names) has squared norm 1 + nw**2
    # when both are present, and is normed by that.  Rows go in chunks (bounded temporaries).
    third = x.shape[1] // 3
    head_scale = np.float32(np.sqrt(title_weight))
    for start in range(0, n, BLOCK_ROWS):
        stop = min(start + BLOCK_ROWS, n)
        a, b = x.indptr[start], x.indptr[stop]
        data = x.data[a:b]
        key = np.repeat(np.arange(stop - start), np.diff(x.indptr[start : stop + 1])) * 3
        key += x.indices[a:b] // third
        sq = np.bincount(key, weights=np.square(data, dtype=np.float64),
                         minlength=3 * (stop - start)).reshape(-1, 3)
        norm = np.sqrt(sq)
        inv = np.divide(1.0, norm, out=np.zeros_like(norm), where=norm > 0)
        has = norm > 0
        body = np.sqrt(has[:, 0] + name_weight**2 * has[:, 1])
        body_scale = np.divide(np.sqrt(1.0 - title_weight), body, out=np.zeros_like(body),
                               where=body > 0)
        scale = inv * np.stack([body_scale, name_weight * body_scale,
                                np.full(len(body), head_scale)], axis=1)
        data *= scale.ravel()[key].astype(np.float32)
    x.eliminate_zeros()
    return x


def top_terms(x: sp.csr_matrix, k: int) -> sp.csr_matrix:
    """Each row's ``k`` heaviest entries (its most distinctive words and names)."""
    x = x.tocsr()
    parts = []
    for start in range(0, x.shape[0], BLOCK_ROWS):  # chunks: bounded temporaries
        part = x[start : start + BLOCK_ROWS]
        lengths = np.diff(part.indptr)
        rows = np.repeat(np.arange(part.shape[0]), lengths)
        order = np.lexsort((-part.data, rows))
        rank = np.empty_like(order)
        rank[order] = np.arange(len(order)) - np.repeat(part.indptr[:-1], lengths)
        keep = rank < k
        counts = np.bincount(rows[keep], minlength=part.shape[0])
        indptr = np.concatenate([[0], np.cumsum(counts)])
        parts.append(sp.csr_matrix((part.data[keep], part.indices[keep], indptr),
                                   shape=part.shape))
    return sp.vstack(parts, format="csr") if parts else x


def _exact(x: sp.csr_matrix, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """Cosine similarity of the pairs (i[k], j[k]) of L2-normalised rows, in chunks."""
    out = np.empty(len(i), dtype=np.float32)
    step = 200_000
    for s in range(0, len(i), step):
        a, b = x[i[s : s + step]], x[j[s : s + step]]
        out[s : s + step] = np.asarray(a.multiply(b).sum(axis=1)).ravel()
    return out


def _day_gap(di: np.ndarray, dj: np.ndarray) -> np.ndarray:
    """Days between two publication days (0 when either is undated)."""
    undated = (di == _UNDATED) | (dj == _UNDATED)
    return np.where(undated, 0, np.abs(di - dj))


def _candidate_edges(
    x: sp.csr_matrix, days: np.ndarray, *, threshold: float, window_days: int,
    day_penalty: float = DAY_PENALTY,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Pairs (i < j) within the date window whose similarity (cosine minus the day penalty)
    is >= threshold, with that similarity.

    Candidates come from the product of the rows cut to their :data:`TOP_TERMS` heaviest
    entries (cheap: common words drop out), kept when that partial similarity reaches
    :data:`CANDIDATE_FLOOR`; the full similarity of each candidate is then computed exactly.
    """
    order = np.argsort(days, kind="stable")
    ds = days[order]
    xs = x[order]
    ps = top_terms(xs, TOP_TERMS)
    # Only the columns in use (cheap transposes whatever the size of the hashed space).
    used, local = np.unique(ps.indices, return_inverse=True)
    ps = sp.csr_matrix((ps.data, local.astype(np.int32), ps.indptr), shape=(ps.shape[0], len(used)))
    dated = ds != _UNDATED
    first_dated = int(np.argmax(dated)) if dated.any() else len(ds)
    rows_i: list[np.ndarray] = []
    rows_j: list[np.ndarray] = []
    pt = ps.T.tocsr()
    n = xs.shape[0]
    for start in range(0, n, BLOCK_ROWS):
        stop = min(start + BLOCK_ROWS, n)
        block_days = ds[start:stop]
        if (block_days == _UNDATED).any():
            lo, hi = 0, n  # undated rows: compare with everything
        else:
            lo = first_dated + int(
                np.searchsorted(ds[first_dated:], block_days.min() - window_days, "left")
            )
            hi = first_dated + int(
                np.searchsorted(ds[first_dated:], block_days.max() + window_days, "right")
            )
        # Columns before `start` were compared as rows of an earlier block (the product is
        # symmetric); undated columns sit first and their rows were compared with everything.
        lo = max(lo, start)
        s = (ps[start:stop] @ pt[:, lo:hi]).tocoo()
        keep = s.data >= CANDIDATE_FLOOR
        i = s.row[keep] + start
        j = s.col[keep] + lo
        upper = i < j
        i, j = i[upper], j[upper]
        di, dj = ds[i], ds[j]
        near = (di == _UNDATED) | (dj == _UNDATED) | (np.abs(di - dj) <= window_days)
        rows_i.append(i[near])
        rows_j.append(j[near])
    if not rows_i:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, np.zeros(0, dtype=np.float32)
    i, j = np.concatenate(rows_i), np.concatenate(rows_j)
    sims = _exact(xs, i, j) - day_penalty * _day_gap(ds[i], ds[j]).astype(np.float32)
    keep = sims >= threshold
    return order[i[keep]], order[j[keep]], sims[keep]


def _average_linkage(
    x: sp.csr_matrix, days: np.ndarray, *, threshold: float, window_days: int,
    day_penalty: float = DAY_PENALTY,
) -> np.ndarray:
    """Average-linkage labels of one component (pairs outside the date window forbidden)."""
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    m = x.shape[0]
    if m <= 2:  # two articles in one component are linked by an edge above the threshold
        return np.zeros(m, dtype=np.int64)
    cols, local = np.unique(x.indices, return_inverse=True)
    dense = sp.csr_matrix((x.data, local, x.indptr), shape=(m, len(cols))).toarray()
    sim = dense @ dense.T
    gap = _day_gap(days[:, None], days[None, :])
    dist = 1.0 - (sim - day_penalty * gap)
    apart = gap > window_days
    dist[apart] = 2.0  # beyond any threshold: those two never join directly
    np.fill_diagonal(dist, 0.0)
    dist = np.maximum(dist, 0.0)  # rounding can leave -1e-7 for identical texts
    tree = linkage(squareform(dist, checks=False), method="average")
    # fcluster joins at linkage distance <= t; "at or above threshold" is distance <= 1 - t.
    return fcluster(tree, 1.0 - threshold, criterion="distance") - 1


def cluster(
    x: sp.csr_matrix,
    days: np.ndarray,
    *,
    threshold: float = THRESHOLD,
    window_days: int = WINDOW_DAYS,
    day_penalty: float = DAY_PENALTY,
    max_component: int = MAX_COMPONENT,
) -> tuple[np.ndarray, int, list[str]]:
    """Cluster weighted vectors into events: (label per row, candidate pairs, notes)."""
    from scipy.sparse.csgraph import connected_components

    n = x.shape[0]
    notes: list[str] = []
    i, j, _ = _candidate_edges(x, days, threshold=threshold, window_days=window_days,
                               day_penalty=day_penalty)
    graph = sp.coo_matrix((np.ones(len(i), dtype=np.int8), (i, j)), shape=(n, n))
    _, comp = connected_components(graph, directed=False)
    labels = np.full(n, -1, dtype=np.int64)
    next_label = 0
    order = np.argsort(comp, kind="stable")
    bounds = np.flatnonzero(np.diff(comp[order])) + 1
    stack: list[tuple[np.ndarray, float]] = [
        (members, threshold) for members in np.split(order, bounds)
    ]
    while stack:
        members, t = stack.pop()
        if len(members) > max_component:
            stricter = min(t + 0.05, 0.99)
            notes.append(
                f"a cluster of {len(members)} articles was split at similarity {stricter:.2f} "
                f"before average linkage (exact linkage is capped at {max_component} articles)"
            )
            sub = x[members]
            si, sj, _ = _candidate_edges(sub, days[members], threshold=stricter,
                                         window_days=window_days, day_penalty=day_penalty)
            g = sp.coo_matrix((np.ones(len(si), dtype=np.int8), (si, sj)),
                              shape=(len(members), len(members)))
            _, sc = connected_components(g, directed=False)
            if stricter >= 0.99 or len(np.unique(sc)) == 1:
                # Cannot split further: every article of it becomes its own small block.
                for start in range(0, len(members), max_component):
                    stack.append((members[start:start + max_component], 1.0))
                continue
            so = np.argsort(sc, kind="stable")
            sb = np.flatnonzero(np.diff(sc[so])) + 1
            stack.extend((members[part], stricter) for part in np.split(so, sb))
            continue
        sub_labels = _average_linkage(
            x[members], days[members], threshold=threshold, window_days=window_days,
            day_penalty=day_penalty,
        )
        labels[members] = sub_labels + next_label
        next_label += int(sub_labels.max()) + 1
    return labels, len(i), notes


def event_ids(labels: np.ndarray, article_ids: Sequence[str]) -> tuple[str, ...]:
    """Stable event ids: ``g-`` + the first 12 hex digits of a hash of the sorted member ids."""
    members: dict[int, list[str]] = {}
    for label, aid in zip(labels.tolist(), article_ids, strict=True):
        members.setdefault(label, []).append(aid)
    names = {
        label: "g-" + hashlib.sha1("\n".join(sorted(ids)).encode()).hexdigest()[:12]
        for label, ids in members.items()
    }
    return tuple(names[label] for label in labels.tolist())


def group_counts(
    counts: sp.csr_matrix,
    days: Sequence[int] | np.ndarray,
    article_ids: Sequence[str],
    *,
    threshold: float = THRESHOLD,
    window_days: int = WINDOW_DAYS,
    name_weight: float = NAME_WEIGHT,
    title_weight: float = TITLE_WEIGHT,
    day_penalty: float = DAY_PENALTY,
    max_component: int = MAX_COMPONENT,
) -> Grouping:
    """Group articles given as hashed counts (from :class:`Vectorizer`) and day numbers.

    This is the streaming entry point: the batch engine vectorises the corpus batch by batch
    while reading it and never holds all texts in memory.
    """
    days_arr = np.asarray(days, dtype=np.int64)
    if counts.shape[0] == 0:
        return Grouping(labels=(), n_events=0)
    x = weight(counts, name_weight=name_weight, title_weight=title_weight)
    labels, pairs, notes = cluster(
        x, days_arr, threshold=threshold, window_days=window_days, day_penalty=day_penalty,
        max_component=max_component,
    )
    ids = event_ids(labels, article_ids)
    return Grouping(
        labels=ids,
        n_events=len(set(ids)),
        candidate_pairs=pairs,
        undated=int((days_arr == _UNDATED).sum()),
        notes=tuple(dict.fromkeys(notes)),
    )


def group_articles(
    articles: Iterable[Article],
    *,
    threshold: float = THRESHOLD,
    window_days: int = WINDOW_DAYS,
    name_weight: float = NAME_WEIGHT,
    title_weight: float = TITLE_WEIGHT,
    day_penalty: float = DAY_PENALTY,
) -> Grouping:
    """Group articles into events by text, names and dates (their ``event`` field is ignored).

    Args:
        articles: The articles to group.
        threshold: Similarity for the same event (see :data:`THRESHOLD`).
        window_days: Articles further apart in days never share an event.
        name_weight: Weight of shared names relative to shared words.
        title_weight: Weight of the headline's cosine (see :data:`TITLE_WEIGHT`).
        day_penalty: Similarity taken off per day between publication days.

    Returns:
        A :class:`Grouping` whose ``labels`` follow the input order.
    """
    arts = list(articles)
    if not arts:
        return Grouping(labels=(), n_events=0)
    counts = Vectorizer().counts([article_text(a) for a in arts])
    return group_counts(
        counts,
        [parse_day(a.date) for a in arts],
        [a.id for a in arts],
        threshold=threshold,
        window_days=window_days,
        name_weight=name_weight,
        title_weight=title_weight,
        day_penalty=day_penalty,
    )
