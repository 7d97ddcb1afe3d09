"""Group articles that come without event ids into events.

Two articles report the same event when their words and the names they mention overlap and they
were published within a few days of each other.  The grouping never compares every pair:

1. **Vectors.** Each article becomes a sparse TF-IDF vector of its words (English stop words
   removed, sublinear term frequency) plus its capitalised names (``Harry Reid`` ->
   ``harry_reid``), hashed into a fixed space (:class:`~sklearn.feature_extraction.text.
   HashingVectorizer`), so vectorising streams in batches and needs no vocabulary in memory.
2. **Candidate edges in a date window.** Articles are sorted by date; each block of rows is
   multiplied (sparse cosine) only with the articles published at most ``window_days`` days
   before or after it.  Only pairs at or above ``threshold`` are kept.  Undated articles are
   compared with every article (the one quadratic case; the summary counts them).
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
reports the figure and a two-fold held-out check): see the constants below.

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

#: Cosine similarity at or above which two articles (and, on average, two groups) are the same
#: event.  Tuned on BASIL dev: ARI is 0.989 for every threshold from 0.16 to 0.22 with the
#: other constants below (0.16 to 0.22 since the candidate cut); 0.19 sits in the middle.
THRESHOLD = 0.19
#: Articles more than this many days apart are never the same event.  BASIL dev: the versions
#: of one event lie at most 3 days apart (30 events); 4 leaves a day of slack for time zones.
WINDOW_DAYS = 4
#: Weight of the name features relative to the word features before normalising.  BASIL dev:
#: 0.5 and 1.0 give the same best ARI; names are counted in the words too, so this only tilts.
NAME_WEIGHT = 0.75
#: Words of each article read (title + lead + body): the whole of a normal news story
#: (BASIL articles have 230-1,900 words); caps the cost of very long input.
MAX_WORDS = 2000
#: Hashed feature space: 2**20 columns keeps collisions rare for news vocabularies.
N_FEATURES = 2**20
#: Largest component clustered exactly with average linkage (its dense distance matrix takes
#: ``max_component**2 * 8`` bytes: 72 MB at 3,000).
MAX_COMPONENT = 3000
#: Heaviest TF-IDF entries per article used to find candidate pairs, and the partial
#: similarity a pair needs on them to be checked in full.  On BASIL dev, 40 terms with a floor
#: of 0.05 miss 2 of the 94 pairs at or above THRESHOLD, a floor of 0.03 misses none, 0.02 is
#: kept for margin (tests/test_grouping.py checks that no pair is missed); the cut makes the
#: candidate search cheap because common words drop out of the product.
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


def _names(text: str) -> str:
    """The capitalised names of ``text`` joined as single tokens (``harry_reid``)."""
    found = _NAME.findall(text)
    return "\x00".join(found).lower().replace(" ", "_").replace("’", "'").replace("\x00", " ")


class Vectorizer:
    """Stateless hashed vectoriser of word and name counts (safe to use batch by batch).

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
        """Word counts and name counts side by side (two hashed blocks)."""
        cut = [" ".join(t.split()[: self.max_words]) for t in texts]
        names = [_names(t) for t in cut]
        return sp.hstack([self._words.transform(cut), self._names.transform(names)]).tocsr()


def article_text(article: Article) -> str:
    """The text grouped on: the title (when not already the first line) and the raw text."""
    if article.title and not article.text.lstrip().startswith(article.title):
        return f"{article.title}\n\n{article.text}"
    return article.text


def weight(counts: sp.csr_matrix, *, name_weight: float = NAME_WEIGHT) -> sp.csr_matrix:
    """TF-IDF (sublinear tf, smoothed idf from these articles), names weighted, rows L2-normed."""
    from sklearn.preprocessing import normalize

    x = counts.tocsr().astype(np.float32, copy=True)
    x.data = 1.0 + np.log(x.data)
    n = x.shape[0]
    df = np.bincount(x.indices, minlength=x.shape[1]).astype(np.float32)
    idf = np.log((1.0 + n) / (1.0 + df)) + 1.0
    x.data *= idf[x.indices]
    half = x.shape[1] // 2
    # Each block is normalised on its own first so that name_weight is relative to the words.
    words = normalize(x[:, :half])
    names = normalize(x[:, half:]) * name_weight
    return normalize(sp.hstack([words, names]).tocsr()).astype(np.float32)


def top_terms(x: sp.csr_matrix, k: int) -> sp.csr_matrix:
    """Each row's ``k`` heaviest entries (its most distinctive words and names)."""
    x = x.tocsr()
    lengths = np.diff(x.indptr)
    rows = np.repeat(np.arange(x.shape[0]), lengths)
    order = np.lexsort((-x.data, rows))
    rank = np.empty_like(order)
    rank[order] = np.arange(len(order)) - np.repeat(x.indptr[:-1], lengths)
    keep = rank < k
    counts = np.bincount(rows[keep], minlength=x.shape[0])
    indptr = np.concatenate([[0], np.cumsum(counts)])
    return sp.csr_matrix((x.data[keep], x.indices[keep], indptr), shape=x.shape)


def _exact(x: sp.csr_matrix, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """Cosine similarity of the pairs (i[k], j[k]) of L2-normalised rows, in chunks."""
    out = np.empty(len(i), dtype=np.float32)
    step = 200_000
    for s in range(0, len(i), step):
        a, b = x[i[s : s + step]], x[j[s : s + step]]
        out[s : s + step] = np.asarray(a.multiply(b).sum(axis=1)).ravel()
    return out


def _candidate_edges(
    x: sp.csr_matrix, days: np.ndarray, *, threshold: float, window_days: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Pairs (i < j) within the date window whose cosine similarity is >= threshold.

    Candidates come from the product of the rows cut to their :data:`TOP_TERMS` heaviest
    entries (cheap: common words drop out), kept when that partial similarity reaches
    :data:`CANDIDATE_FLOOR`; the full similarity of each candidate is then computed exactly.
    """
    order = np.argsort(days, kind="stable")
    ds = days[order]
    xs = x[order]
    ps = top_terms(xs, TOP_TERMS)
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
    sims = _exact(xs, i, j)
    keep = sims >= threshold
    return order[i[keep]], order[j[keep]], sims[keep]


def _average_linkage(
    x: sp.csr_matrix, days: np.ndarray, *, threshold: float, window_days: int
) -> np.ndarray:
    """Average-linkage labels of one component (pairs outside the date window forbidden)."""
    from sklearn.cluster import AgglomerativeClustering

    m = x.shape[0]
    if m <= 2:  # two articles in one component are linked by an edge above the threshold
        return np.zeros(m, dtype=np.int64)
    cols, local = np.unique(x.indices, return_inverse=True)
    dense = sp.csr_matrix((x.data, local, x.indptr), shape=(m, len(cols))).toarray()
    sim = dense @ dense.T
    dist = 1.0 - sim
    dated = days != _UNDATED
    apart = np.abs(days[:, None] - days[None, :]) > window_days
    apart &= dated[:, None] & dated[None, :]
    dist[apart] = 2.0  # beyond any threshold: those two never join directly
    np.fill_diagonal(dist, 0.0)
    model = AgglomerativeClustering(
        n_clusters=None, metric="precomputed", linkage="average", distance_threshold=1 - threshold
    )
    return model.fit_predict(dist)


def cluster(
    x: sp.csr_matrix,
    days: np.ndarray,
    *,
    threshold: float = THRESHOLD,
    window_days: int = WINDOW_DAYS,
    max_component: int = MAX_COMPONENT,
) -> tuple[np.ndarray, int, list[str]]:
    """Cluster weighted vectors into events: (label per row, candidate pairs, notes)."""
    from scipy.sparse.csgraph import connected_components

    n = x.shape[0]
    notes: list[str] = []
    i, j, _ = _candidate_edges(x, days, threshold=threshold, window_days=window_days)
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
                                         window_days=window_days)
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
            x[members], days[members], threshold=threshold, window_days=window_days
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
    max_component: int = MAX_COMPONENT,
) -> Grouping:
    """Group articles given as hashed counts (from :class:`Vectorizer`) and day numbers.

    This is the streaming entry point: the batch engine vectorises the corpus batch by batch
    while reading it and never holds all texts in memory.
    """
    days_arr = np.asarray(days, dtype=np.int64)
    if counts.shape[0] == 0:
        return Grouping(labels=(), n_events=0)
    x = weight(counts, name_weight=name_weight)
    labels, pairs, notes = cluster(
        x, days_arr, threshold=threshold, window_days=window_days, max_component=max_component
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
) -> Grouping:
    """Group articles into events by text, names and dates (their ``event`` field is ignored).

    Args:
        articles: The articles to group.
        threshold: Cosine similarity for the same event (see :data:`THRESHOLD`).
        window_days: Articles further apart in days never share an event.
        name_weight: Weight of shared names relative to shared words.

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
    )
