"""Corpus mode: analyse many events in parallel into a store (``framing analyze --store``).

The engine runs in three steps, keeping memory flat as the corpus grows:

1. **Scan.** JSON Lines files are read line by line; of each record only its id, event, day,
   and where it sits in the file (byte offset) are kept.  Records that cannot be analysed are
   reported, never dropped silently: invalid JSON, missing or empty text, a duplicate id, text
   not in English (:func:`framing.language.english_ratio`), no event id when other records have one.  Other
   inputs (folders, ``.txt``, ``.html``, ``.csv``, ``.parquet``) are read whole.
2. **Events.** Records are grouped by their event id; with ``group=True`` those without one are
   grouped by :mod:`framing.grouping` (text vectors are computed during the scan, in batches).
   Events already in the store are skipped (resume).
3. **Analysis.** Events are sent in small batches to worker processes (all cores by default),
   each running :func:`framing.analysis.analyze_event` and flattening the result into table rows
   (:func:`framing.store.columns_for`); the analysis computes only what those rows hold
   (:data:`CORPUS_PRODUCTS`: the same stored values, without the products no table keeps, such
   as distinctive words and substitutions); the main process writes the rows as they come, in
   transactions of a few hundred articles (Parquet: parts of a few thousand).  A progress bar
   with rate and time left is shown on a terminal.  The Dask engine (``engine="dask"``) sends
   the same batches to the same function on a ``dask.distributed`` cluster.

Example:
    >>> summary = analyze_corpus(["corpus.jsonl"], store="results.duckdb")  # doctest: +SKIP
    >>> print(summary.describe())  # doctest: +SKIP
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .analysis import Products
from .errors import InputError
from .findings import plural
from .language import ENGLISH_MIN_RATIO, english_ratio
from .settings import Settings
from .store import (
    Columns,
    DuckDBSink,
    ParquetSink,
    Rows,
    by_column,
    by_row,
    columns_for,
    extend_columns,
    row_count,
)
from .types import Article

#: Corpus mode's default settings: tone toward actors by the linear model, about 100 times
#: cheaper than the transformer (README, "Tone and actors"); ``--tone-model transformer``
#: asks for the other.
CORPUS_SETTINGS = Settings(tone_model="linear")
#: What corpus mode's analysis computes: only what the store's tables keep
#: (:func:`framing.analysis.analyze_documents`, ``products``).  Every stored value is the same
#: as a full analysis gives (tests/test_batch.py compares the rows of both); the products no
#: table keeps (distinctive words, substitutions, actor labels, sentence loadedness scores,
#: each detail's facts, quotes and sources kept and dropped) cost about 28% of the CPU time
#: per article: 13.4 -> 9.6 CPU ms, median of 11 alternating runs of
#: ``python -m benchmarks.bench_throughput --profile`` (docs/performance.md).
CORPUS_PRODUCTS: Products = "store"

#: Articles per task sent to a worker (small enough to balance, large enough to amortise).
TASK_ARTICLES = 24
#: Articles buffered before a write to Parquet (one part file per table), or fewer when their
#: texts reach FLUSH_CHARS characters (about 2,000 news articles of 600 words): the buffer's
#: memory is bounded by what it holds, not by how many articles there are, and part files stay
#: large enough to read fast.
FLUSH_ARTICLES = 2000
FLUSH_CHARS = 8_000_000
#: The same for a run that writes only a DuckDB store (one transaction per write).  Small writes
#: overlap with the analysis: the workers go on with the tasks in flight while the main process
#: writes, and only the last small write and the store's closing are left when they finish.  With
#: 2,000-article writes a 1,200-article run ended with 0.6 s of writing and checkpointing while
#: the workers sat idle (each write of the run timed; docs/performance.md).
STORE_FLUSH_ARTICLES = 250
STORE_FLUSH_CHARS = 1_000_000
#: Seconds to wait for a Dask scheduler before giving up with a message.
DASK_CONNECT_SECONDS = 10
#: Records vectorised at once while scanning for grouping.
VECTOR_BATCH = 2000

# --------------------------------------------------------------------------------------------
# Scan
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Ref:
    """Where one record's text is: a JSON Lines file and byte offset, or the article itself.

    One is kept per input record until its event's task goes to a worker, so it holds little: the id, the event
    id (one string shared by the event's records), the publication day as a number (for
    grouping), and the file (one string shared by its records), line and byte offset.
    """

    article_id: str
    event: str | None
    day: int
    path: str | None = None
    line: int = 0
    offset: int = -1
    article: Article | None = None
    origin: str | None = None

    @property
    def source(self) -> str:
        """Where the record was read: ``file:line``, or the article's source."""
        if self.path is not None:
            return f"{self.origin or self.path}:{self.line}"  # origin: "stdin", read from a spool
        return self.origin or ""


@dataclass
class Summary:
    """What a batch run did, and what it skipped and why.

    Attributes:
        records: Input records read.
        articles: Articles analysed in this run.
        events: Events analysed in this run.
        resumed_events: Events skipped because the store already had them.
        single_article_events: Events analysed with one version (no comparison possible).
        grouped_events: Events made by grouping (``group=True``).
        skipped: Reason -> number of records not analysed.
        examples: Reason -> a few examples ("file:line id").
        seconds: Wall time of the analysis step (after scanning and grouping).
        scan_seconds: Wall time of scanning and grouping.
        notes: Other plain-language notes (e.g. from grouping).
    """

    records: int = 0
    articles: int = 0
    events: int = 0
    resumed_events: int = 0
    single_article_events: int = 0
    grouped_events: int = 0
    skipped: Counter = field(default_factory=Counter)
    examples: dict[str, list[str]] = field(default_factory=dict)
    seconds: float = 0.0
    scan_seconds: float = 0.0
    notes: list[str] = field(default_factory=list)

    records_skipped: list[dict[str, Any]] = field(default_factory=list, repr=False)

    def skip(self, reason: str, source: str, article_id: str | None = None,
             event_id: str | None = None) -> None:
        """Count and keep one record that is not analysed, with the reason."""
        self.skipped[reason] += 1
        ex = self.examples.setdefault(reason, [])
        if len(ex) < 3:
            ex.append(f"{source}, id {article_id!r}" if article_id else source)
        self.records_skipped.append(
            {"source": source, "article_id": article_id, "event_id": event_id, "reason": reason}
        )

    @property
    def rate(self) -> float:
        """Articles analysed per second in the analysis step."""
        return self.articles / self.seconds if self.seconds > 0 else 0.0

    def describe(self) -> str:
        """A plain-language summary, one fact per line."""
        lines = [
            f"read {plural(self.records, 'record')}; analysed {plural(self.articles, 'article')} "
            f"in {plural(self.events, 'event')} in {self.seconds:.1f} s ({self.rate:.0f} "
            f"articles/s; scan and grouping {self.scan_seconds:.1f} s)"
        ]
        if self.grouped_events:
            formed = "was" if self.grouped_events == 1 else "were"
            lines.append(f"{plural(self.grouped_events, 'event')} {formed} formed by grouping (--group)")
        if self.resumed_events:
            skipped = "was" if self.resumed_events == 1 else "were"
            lines.append(f"{plural(self.resumed_events, 'event')} already in the store {skipped} "
                         "skipped (resume)")
        if self.single_article_events:
            have = "has" if self.single_article_events == 1 else "have"
            lines.append(
                f"{plural(self.single_article_events, 'event')} {have} a single article: "
                "analysed alone, with no comparison"
            )
        for reason, n in self.skipped.most_common():
            ex = ", ".join(self.examples.get(reason, []))
            lines.append(f"skipped {plural(n, 'record')}: {reason} (e.g. {ex})")
        lines.extend(self.notes)
        return "\n".join(lines)


def _field(rec: dict[str, Any], *names: str) -> str | None:
    for name in names:
        value = rec.get(name)
        if value is not None and str(value).strip():
            return str(value).strip()
    return None


def _article_from(rec: dict[str, Any], *, default_id: str, source: str) -> Article:
    from .outlets import detect_outlet

    text = str(rec["text"])
    outlet, evidence = _field(rec, "outlet"), None
    if outlet is None:
        outlet, evidence = detect_outlet(text)
    return Article(
        id=_field(rec, "id", "article_id") or default_id,
        text=text,
        title=_field(rec, "title") or "",
        outlet=outlet,
        date=_field(rec, "date"),
        url=_field(rec, "url"),
        event=_field(rec, "event", "event_id"),
        source=source,
        outlet_evidence=evidence,
    )


def iter_jsonl_records(path: str | Path) -> Iterator[tuple[int, int, dict[str, Any] | str]]:
    """(line number, byte offset, record) for each non-blank line of a JSON Lines file.

    The record is the parsed object, or a string saying why the line could not be read.
    Lines are read one at a time: memory does not grow with the file.
    """
    with open(path, "rb") as fh:
        lineno = 0
        while True:
            offset = fh.tell()
            raw = fh.readline()
            if not raw:
                break
            lineno += 1
            if not raw.strip():
                continue
            try:
                rec = json.loads(raw.decode("utf-8", errors="replace"))
            except json.JSONDecodeError as exc:
                yield lineno, offset, f"invalid JSON ({exc.msg})"
                continue
            if not isinstance(rec, dict):
                yield lineno, offset, "not a JSON object"
                continue
            yield lineno, offset, rec


def read_ref(ref: Ref) -> Article:
    """The :class:`Article` a :class:`Ref` points to (reads one line of its file)."""
    if ref.article is not None:
        return ref.article
    assert ref.path is not None
    with open(ref.path, "rb") as fh:
        fh.seek(ref.offset)
        rec = json.loads(fh.readline().decode("utf-8", errors="replace"))
    return _article_from(rec, default_id=ref.article_id, source=ref.source)


def _iter_other(path: Path) -> Iterator[Article]:
    """Articles from a non-JSONL input (read whole by :mod:`framing.ingest`, or Parquet)."""
    if path.suffix == ".parquet":
        import pyarrow.parquet as pq

        table = pq.read_table(path)
        if "text" not in table.column_names:
            raise InputError(f"{path}: no 'text' column")
        for i, rec in enumerate(table.to_pylist(), 1):
            if rec.get("text") is None or not str(rec["text"]).strip():
                rec["text"] = ""
            yield _article_from(rec, default_id=f"{path.stem}-{i}", source=f"{path}:{i}")
        return
    from .ingest import read_path

    yield from read_path(path)


def _input_files(paths: Sequence[str | Path]) -> list[Path]:
    """The input files, a folder standing for its article files (in name order)."""
    from .ingest import SUPPORTED

    readable = SUPPORTED | {".parquet"}
    files: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            found = sorted(f for f in p.iterdir() if f.is_file() and f.suffix.lower() in readable)
            if not found:
                raise InputError(f"{p}: no article files in this folder "
                                 f"(looked for {', '.join(sorted(readable))})")
            files.extend(found)
        elif p.is_file():
            files.append(p)
        else:
            raise InputError(f"no such file or folder: {p}")
    if not files:
        raise InputError("no input: give one or more files or folders")
    return files


#: Records of which none names its event are one event, as in event mode, up to this many: more
#: are refused (a corpus given without its event ids or --group). The comparison of an event's
#: versions grows with their square: 60 versions take 2 s, 200 take 12 s, and the pairs table
#: holds n(n-1)/2 rows.
ONE_EVENT_MAX = 100


@dataclass
class Scan:
    """The result of scanning the input: refs by event, and grouping inputs."""

    events: dict[str, list[Ref]]
    grouped: set[str]


def _vectorize(texts: list[str]):
    """Hashed counts of a batch of texts (runs in a worker while the main process reads)."""
    from .grouping import Vectorizer

    return Vectorizer().counts(texts)


def scan(
    paths: Sequence[str | Path],
    summary: Summary,
    *,
    group: bool = False,
    keep_articles: bool = False,
    jobs: int = 1,
    shown: Mapping[Path, str] | None = None,
) -> Scan:
    """Read the input once: validate records and sort them into events (see module docs).

    Args:
        keep_articles: Keep each article in memory (for engines whose workers cannot read the
            input files, such as a remote Dask cluster).
        jobs: Processes that vectorise texts for grouping while the main process reads.
        shown: The name messages give an input file ("stdin" for standard input's spool).
    """

    from .grouping import article_text

    seen: set[str] = set()
    refs: list[Ref] = []
    pool = ProcessPoolExecutor(max_workers=jobs) if group and jobs > 1 else None
    mats: list[Any] = []  # sparse matrices, or futures of them
    pending: list[str] = []

    def vectorize_pending() -> None:
        batch = list(pending)
        pending.clear()
        if pool is None:
            mats.append(_vectorize(batch))
            return
        mats.append(pool.submit(_vectorize, batch))
        # Bound the batches in flight (memory): wait for the oldest ones.
        running = [m for m in mats if isinstance(m, Future) and not m.done()]
        if len(running) > 2 * jobs:
            running[0].result()
    no_event: list[int] = []  # indexes into refs of records without an event id

    def accept(article: Article, where: str, ref: Ref) -> None:
        text = article.text
        if not text.strip():
            summary.skip("missing or empty text", where, article.id, article.event)
            return
        if article.id in seen:
            summary.skip("duplicate id (the first record with it was kept)", where, article.id,
                         article.event)
            return
        ratio = english_ratio(text)
        if ratio is not None and ratio < ENGLISH_MIN_RATIO:
            summary.skip(
                f"not English (share of English function words under {ENGLISH_MIN_RATIO})",
                where, article.id, article.event,
            )
            return
        seen.add(article.id)
        if ref.event is None:
            no_event.append(len(refs))
            if group:
                pending.append(article_text(article))
                if len(pending) >= VECTOR_BATCH:
                    vectorize_pending()
        refs.append(ref)

    try:
        _read_all(paths, summary, accept, keep_articles, shown or {})
        if summary.records == 0:
            raise InputError("no articles found in the input")
        if pending:
            vectorize_pending()
        mats = [m.result() if isinstance(m, Future) else m for m in mats]
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
    return _events(refs, no_event, mats, summary, group)


def _read_all(paths, summary: Summary, accept, keep_articles: bool,
              shown: Mapping[Path, str]) -> None:
    """Read every input record and pass it to ``accept`` (or report why it cannot be read)."""
    from .grouping import parse_day

    shared: dict[str, str] = {}  # one string per event id, whatever the number of its records
    for path in _input_files(paths):
        if path.is_file() and path.suffix == ".jsonl":
            name = str(path)
            origin = shown.get(path)
            for lineno, offset, rec in iter_jsonl_records(path):
                summary.records += 1
                where = f"{origin or path}:{lineno}"
                if isinstance(rec, str):
                    summary.skip(rec, where)
                    continue
                if rec.get("text") is None:
                    summary.skip("missing or empty text", where, _field(rec, "id", "article_id"))
                    continue
                art = _article_from(rec, default_id=f"{path.stem}-{lineno}", source=where)
                event = shared.setdefault(art.event, art.event) if art.event else None
                ref = Ref(art.id, event, parse_day(art.date), name, lineno, offset,
                          art if keep_articles else None, origin)
                accept(art, where, ref)
        else:
            for art in _iter_other(path):
                summary.records += 1
                where = art.source or str(path)
                accept(art, where, Ref(art.id, art.event, parse_day(art.date), article=art,
                                       origin=where))


def _events(refs: list[Ref], no_event: list[int], mats: list, summary: Summary,
            group: bool) -> Scan:
    """Sort the accepted records into events (grouping those without an id when asked)."""
    import scipy.sparse as sp

    from .grouping import group_counts

    events: dict[str, list[Ref]] = {}
    grouped: set[str] = set()
    label_of: dict[int, str]
    has_event = len(refs) - len(no_event)
    if no_event and group:
        counts = sp.vstack(mats).tocsr()
        members = [refs[i] for i in no_event]
        g = group_counts(counts, [r.day for r in members],
                         [r.article_id for r in members])
        summary.notes.extend(g.notes)
        if g.undated:
            summary.notes.append(
                f"{g.undated} articles without a readable date were compared with every article"
            )
        label_of = dict(zip(no_event, g.labels, strict=True))
        grouped = set(g.labels)
    elif no_event and has_event:
        label_of = {}
        for i in no_event:
            summary.skip("no event id (give --group to group such articles into events)",
                         refs[i].source, refs[i].article_id)
    else:
        from .analysis import DEFAULT_EVENT_ID

        if len(no_event) > ONE_EVENT_MAX:
            raise InputError(
                f"none of the {len(no_event)} records names its event, and as one event of "
                f"{len(no_event)} versions they cannot be compared (at most {ONE_EVENT_MAX}): "
                "give each record an event id, or use --group to group them into events"
            )
        label_of = {i: DEFAULT_EVENT_ID for i in no_event}
    no_event_set = set(no_event)
    for i, ref in enumerate(refs):
        if i in no_event_set:
            if i not in label_of:
                continue
            eid = label_of[i]
        else:
            eid = ref.event  # type: ignore[assignment]
        events.setdefault(eid, []).append(ref)
    return Scan(events=events, grouped=grouped)


# --------------------------------------------------------------------------------------------
# The per-event function (the same for every engine)
# --------------------------------------------------------------------------------------------

Task = list[tuple[str, bool, list[Ref]]]


def analyze_task(
    task: Task,
    settings: Settings = CORPUS_SETTINGS,
    aliases: Mapping[str, str] | None = None,
) -> Rows:
    """Analyse a batch of events and return their rows: :func:`packed_task`'s, one dict per
    row, the skipped records in ``skipped``."""
    columns, skipped = packed_task(task, settings, aliases)
    rows = by_row(columns)
    rows["skipped"] = skipped
    return rows


#: What an engine's worker sends back for a task: its tables' rows as columns, and the records
#: it skipped (one dict each).
Packed = tuple[Columns, list[dict[str, Any]]]


def packed_task(
    task: Task,
    settings: Settings = CORPUS_SETTINGS,
    aliases: Mapping[str, str] | None = None,
) -> Packed:
    """Analyse a batch of events (runs in a worker): their tables' rows by column (cheaper to
    build, send back and write than a dict per row), and the records skipped.

    The events are analysed together (:func:`framing.analysis.analyze_events`: their tone in
    one batch).  An event whose analysis raises is reported in the skipped records with the
    error, not lost.
    """
    from .analysis import analyze_events

    columns: Columns = {}
    skipped: list[dict[str, Any]] = []
    read: list[list[Article] | Exception] = []
    for _, _, refs in task:
        try:
            read.append([read_ref(r) for r in refs])
        except Exception as exc:  # noqa: BLE001 - reported per event, the run goes on
            read.append(exc)
    analysed = iter(analyze_events(
        [(event_id, a) for (event_id, _, _), a in zip(task, read, strict=True)
         if not isinstance(a, Exception)],
        aliases=aliases, settings=settings, products=CORPUS_PRODUCTS,
    ))
    for (event_id, grouped, refs), articles in zip(task, read, strict=True):
        result = articles if isinstance(articles, Exception) else next(analysed)
        if not isinstance(result, Exception):
            extend_columns(columns, columns_for(result, grouped=grouped))
            continue
        msg = f"analysis failed: {type(result).__name__}: {result}".splitlines()[0][:300]
        skipped += [{"source": r.source, "article_id": r.article_id, "event_id": event_id,
                     "reason": msg} for r in refs]
    return columns, skipped


#: A tiny event that loads every lexicon and model a worker will need.
_WARM_UP = (
    "BAGHDAD (AP) — Iraq's Defense Ministry said Thursday that Russia offered to help, "
    "after a U.S. drone strike killed Gen. Qassem Soleimani. “We are ready,” the official said.",
    "Iraq and Russia are preparing deeper military ties, a move US officials condemned.",
)


def _warm_worker(settings: Settings = CORPUS_SETTINGS) -> None:
    """Load lexicons and models once per worker (the tone model the run uses), then freeze them
    out of the garbage collector's way: its full collections otherwise walk every lexicon entry
    again and again (about a tenth of the CPU of a full analysis, profiled on the synthetic
    corpus).  A higher first-generation threshold then makes young collections ten times
    rarer: 3-4% less CPU per article (synthetic corpus profile: 11.07 -> 10.75 and 11.92 ->
    11.42 ms), for a few MB of garbage that lives a little longer."""
    import gc

    from .analysis import analyze_event
    from .types import Article

    analyze_event([Article(f"w{i}", t) for i, t in enumerate(_WARM_UP)], event_id="warm-up",
                  settings=settings, products=CORPUS_PRODUCTS)
    gc.freeze()
    gc.set_threshold(50_000, 20, 100)


def make_tasks(events: dict[str, list[Ref]], grouped: set[str]) -> Iterator[Task]:
    """Events packed into tasks of about :data:`TASK_ARTICLES` articles, in input order.

    Lazy, and it empties ``events`` as it goes: an event's refs are released once its task
    has been handed out, so the main process's memory does not hold every record's ref until
    the end of the run (it shrinks while the stored results grow).
    """
    current: Task = []
    size = 0
    while events:
        eid = next(iter(events))
        refs = events.pop(eid)
        current.append((eid, eid in grouped, refs))
        size += len(refs)
        if size >= TASK_ARTICLES:
            yield current
            current, size = [], 0
    if current:
        yield current


# --------------------------------------------------------------------------------------------
# Engines
# --------------------------------------------------------------------------------------------


def _progress(total: int, show: bool | None):
    from tqdm import tqdm

    if show is None:
        show = sys.stderr.isatty()
    try:
        width = os.get_terminal_size(sys.stderr.fileno()).columns
    except (OSError, ValueError, AttributeError):
        width = 0
    # A terminal that reports no size (some pseudo-terminals) would get no bar at all.
    sizing: dict[str, Any] = {"dynamic_ncols": True} if width > 0 else {"ncols": 80, "nrows": 24}
    return tqdm(total=total, unit="art", desc="analysing", disable=not show, smoothing=0.1,
                **sizing)


def _run_local(tasks: Iterable[Task], jobs: int, settings: Settings, aliases: Any,
               on_done: Callable[[Packed, int], None]) -> None:
    if jobs <= 1:
        for t in tasks:
            on_done(packed_task(t, settings, aliases), sum(len(r) for _, _, r in t))
        return
    with ProcessPoolExecutor(max_workers=jobs, initializer=_warm_worker,
                             initargs=(settings,)) as pool:
        pending: dict[Future, int] = {}
        it = iter(tasks)
        limit = jobs * 4  # tasks in flight: keeps workers busy, memory bounded
        for t in it:
            pending[pool.submit(packed_task, t, settings, aliases)] = sum(len(r) for _, _, r in t)
            if len(pending) >= limit:
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                for f in done:
                    on_done(f.result(), pending.pop(f))
        for f in list(pending):
            on_done(f.result(), pending.pop(f))


def _run_dask(tasks: Iterable[Task], scheduler: str | Any, settings: Settings, aliases: Any,
              on_done: Callable[[Packed, int], None]) -> None:
    from dask.distributed import Client, as_completed

    own = not hasattr(scheduler, "submit")
    try:
        client: Any = Client(scheduler, timeout=DASK_CONNECT_SECONDS) if own else scheduler
    except (OSError, TimeoutError, ValueError) as exc:
        raise InputError(
            f"cannot reach the Dask scheduler at {scheduler}: {exc}".splitlines()[0]
        ) from None
    try:
        sizes: dict[Any, int] = {}
        futures = []
        for t in tasks:
            f = client.submit(packed_task, t, settings, aliases, pure=False)
            sizes[f.key] = sum(len(r) for _, _, r in t)
            futures.append(f)
        for f in as_completed(futures):
            on_done(f.result(), sizes[f.key])
            f.release()
    finally:
        if own:
            client.close()


def analyze_corpus(
    paths: Sequence[str | Path],
    *,
    store: str | Path | None = None,
    out: str | Path | None = None,
    group: bool = False,
    jobs: int | None = None,
    engine: str = "local",
    scheduler: str | Any | None = None,
    aliases: Mapping[str, str] | None = None,
    settings: Settings = CORPUS_SETTINGS,
    progress: bool | None = None,
    log: Callable[[str], None] | None = None,
) -> Summary:
    """Analyse a corpus event by event into a DuckDB store and/or Parquet tables.

    Args:
        paths: JSON Lines files (streamed), or any input :func:`framing.load_articles` reads,
            or ``.parquet`` files with a ``text`` column; a folder stands for its files, and
            ``-`` for JSON Lines on standard input.
        store: DuckDB file to create or extend.
        out: Folder for Parquet tables (``out/<table>/part-*.parquet``).
        group: Group articles without an event id into events (:mod:`framing.grouping`).
        jobs: Worker processes for the local engine (default: all cores).
        engine: ``local`` (process pool) or ``dask``.
        scheduler: Dask scheduler address (``tcp://host:8786``) or a ``Client``.
        aliases: Extra actor aliases (surface -> canonical), as ``--alias``.
        settings: Analysis settings; by default :data:`CORPUS_SETTINGS` (the linear tone
            model).  A store holds one tone model's scores: resuming with another is refused.
        progress: Show a progress bar (default: only when stderr is a terminal).
        log: Called with one-line messages (e.g. ``print``); default silent.

    Returns:
        The run's :class:`Summary`.

    Raises:
        InputError: no output given, unknown engine, missing scheduler, unreadable input.
    """
    with _stdin_spooled(paths) as (files, shown):
        return _analyze_corpus(
            files, shown, store=store, out=out, group=group, jobs=jobs, engine=engine,
            scheduler=scheduler, aliases=aliases, settings=settings, progress=progress, log=log,
        )


@contextmanager
def _stdin_spooled(
    paths: Sequence[str | Path],
) -> Iterator[tuple[list[str | Path], dict[Path, str]]]:
    """``paths`` with ``-`` (JSON Lines on standard input) replaced by a temporary copy, which
    workers can read by offset as they read any input file, and the copy's name in messages
    ("stdin"); the copy is removed at the end."""
    if "-" not in map(str, paths):
        yield list(paths), {}
        return
    with tempfile.TemporaryDirectory(prefix="framing-stdin-") as tmp:
        spool = Path(tmp) / "stdin.jsonl"
        with open(spool, "wb") as fh:
            shutil.copyfileobj(sys.stdin.buffer, fh, 1 << 20)
        yield [spool if str(p) == "-" else p for p in paths], {spool: "stdin"}


def _analyze_corpus(
    paths: Sequence[str | Path],
    shown: Mapping[Path, str],
    *,
    store: str | Path | None,
    out: str | Path | None,
    group: bool,
    jobs: int | None,
    engine: str,
    scheduler: str | Any | None,
    aliases: Mapping[str, str] | None,
    settings: Settings,
    progress: bool | None,
    log: Callable[[str], None] | None,
) -> Summary:
    if store is None and out is None:
        raise InputError("corpus mode needs --store FILE.duckdb or --out DIR (or both)")
    if engine not in ("local", "dask"):
        raise InputError(f"unknown engine {engine!r}: choose local or dask")
    if engine == "dask" and scheduler is None:
        raise InputError("--engine dask needs --scheduler ADDRESS (e.g. tcp://host:8786)")
    say = log or (lambda _m: None)
    summary = Summary()
    t0 = time.perf_counter()
    sinks: list[DuckDBSink | ParquetSink] = []
    try:
        if store is not None:
            sinks.append(DuckDBSink(store))
        if out is not None:
            sinks.append(ParquetSink(out))
    except Exception as exc:
        for s in sinks:
            s.close()
        raise InputError(f"cannot open the store: {exc}".splitlines()[0]) from None
    stored = set().union(*(s.tone_models() for s in sinks)) - {settings.tone_model}
    if stored:
        for s in sinks:
            s.close()
        raise InputError(
            f"the output already holds events scored with tone model {', '.join(sorted(stored))}; "
            f"resume with the same --tone-model or write to a new store"
        )
    try:
        found = scan(paths, summary, group=group, keep_articles=engine == "dask",
                     jobs=(jobs or os.cpu_count() or 1) if engine == "local" else 1, shown=shown)
        done: set[str] = set()
        for s in sinks:
            done |= s.existing_events()
        events = {}
        for eid, refs in found.events.items():
            if eid in done:
                summary.resumed_events += 1
            else:
                events[eid] = refs
        grouped = found.grouped
        del found  # from here ``events`` holds the only refs
        summary.single_article_events = sum(1 for r in events.values() if len(r) == 1)
        summary.grouped_events = sum(1 for e in events if e in grouped)
        if events and summary.single_article_events == len(events) and len(events) > 1:
            summary.notes.append(
                "every event has a single article, so nothing can be compared: give event ids "
                "in the input or use --group"
            )
        buffer: Columns = {}
        total = sum(len(r) for r in events.values())
        summary.scan_seconds = time.perf_counter() - t0
        say(f"{plural(total, 'article')} in {plural(len(events), 'event')} to analyse "
            f"(scan and grouping {summary.scan_seconds:.1f} s)")
        bar = _progress(total, progress)
        buffered = chars = 0
        if out is None:
            flush_articles, flush_chars = STORE_FLUSH_ARTICLES, STORE_FLUSH_CHARS
        else:
            flush_articles, flush_chars = FLUSH_ARTICLES, FLUSH_CHARS

        def flush() -> None:
            nonlocal buffer, buffered, chars
            for s in sinks:
                s.write(buffer)
            buffer, buffered, chars = {}, 0, 0

        def on_done(packed: Packed, n: int) -> None:
            nonlocal buffered, chars
            columns, skipped = packed
            # Skipped records are kept in the summary and written once, at the end.
            for r in skipped:
                summary.skip(r["reason"], r["source"], r["article_id"], r["event_id"])
            extend_columns(buffer, columns)
            summary.events += row_count(columns.get("events"))
            summary.articles += row_count(columns.get("articles"))
            buffered += n
            if "articles" in columns:
                chars += sum(len(t or "") for t in columns["articles"]["text"])
            bar.update(n)
            if buffered >= flush_articles or chars >= flush_chars:
                flush()

        t1 = time.perf_counter()
        tasks = make_tasks(events, grouped)
        if engine == "dask":
            _run_dask(tasks, scheduler, settings, aliases, on_done)
        else:
            _run_local(tasks, jobs or os.cpu_count() or 1, settings, aliases, on_done)
        # Skipped records, once: a resumed run does not repeat those already recorded.
        known: set[tuple[Any, Any]] = set()
        for sink in sinks:
            known |= sink.skipped_keys()
        extend_columns(buffer, by_column({"skipped": [
            r for r in summary.records_skipped if (r["source"], r["reason"]) not in known
        ]}))
        flush()
        bar.close()
        summary.seconds = time.perf_counter() - t1
    finally:
        for s in sinks:
            s.close()
    return summary
