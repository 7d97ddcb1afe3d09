"""User-changeable settings, as data: one frozen object, each field with its help text.

Modules take a :class:`Settings` as an explicit keyword argument; nothing reads global state.
Every default says where it comes from.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields

from .errors import InputError

#: Models for tone toward an actor (``Settings.tone_model``): the fine-tuned transformer of
#: :mod:`framing.transformer_tone` and the linear model of :mod:`framing.target_tone`.
TONE_MODELS = ("transformer", "linear")


def check_tone_model(name: str) -> str:
    """``name`` if it is one of :data:`TONE_MODELS`.

    Raises:
        InputError: It is not.
    """
    if name not in TONE_MODELS:
        raise InputError(f"unknown tone model {name!r}; choose from {', '.join(TONE_MODELS)}")
    return name


def _setting(default, help: str):  # noqa: A002 - "help" reads best in the table below
    return field(default=default, metadata={"help": help})


@dataclass(frozen=True)
class Settings:
    """Analysis settings.  ``Settings().describe()`` lists them with their help text."""

    max_article_chars: int = _setting(
        200_000,
        "Longest article body analysed, in characters; longer input is refused with a message "
        "(about 30,000 words, far beyond any news story).",
    )
    min_article_words: int = _setting(
        5, "Articles whose cleaned body has fewer words are reported and not scored."
    )

    # -- details (framing.details): all set by reading the bundled seed event sentence by
    # -- sentence and checked on the synthetic cases in tests/test_details.py.
    details_align_threshold: float = _setting(
        0.3,
        "Similarity (0..1; mean of word and character TF-IDF cosine, raised by shared names, "
        "numbers and dates) at which a unit of one version is the same detail as a row. Set on "
        "the seed event: paraphrased pairs score 0.35-0.8, unrelated sentences of one event "
        "stay under 0.25.",
    )
    details_span_threshold: float = _setting(
        0.22,
        "Similarity at which a sentence that already carries one clause of a detail also "
        "carries its sibling clause (two sentences merged into one). Lower than the alignment "
        "threshold because a long merged sentence matches each clause only in part.",
    )
    details_fact_weight: float = _setting(
        0.3,
        "How much shared facts (names, numbers, dates) raise text similarity: "
        "s = t + w * facts * (1 - t). 0 ignores facts; set on the seed event.",
    )
    details_verbatim_share: float = _setting(
        0.8,
        "A cell is 'verbatim' when at least this share of its words repeat the reference "
        "wording in order (difflib matching blocks: a copy with light edits); below, "
        "'paraphrase'. On the seed event, copies with light edits score 0.8-1, sentence-by-"
        "sentence rewrites 0.2-0.77.",
    )
    details_change_similarity: float = _setting(
        0.5,
        "Facts of two wordings of a detail are compared (to mark 'changed') only when their "
        "similarity reaches this. On the seed event every altered fact sits in a pair scoring "
        "0.63-0.84; on BASIL, independent reports that align on a shared topic at 0.3-0.5 "
        "differ in names and numbers without one altering the other.",
    )
    details_reuse_similarity: float = _setting(
        0.5,
        "Two versions' wordings of a detail count as text reuse (Pair.reuse) when their "
        "similarity reaches this: copies and sentence-by-sentence rewrites score 0.5-1, "
        "independent reports of the same fact less (set on the seed event).",
    )
    details_min_unit_words: int = _setting(
        3, "Sentences with fewer words (datelines, 'Read more') are not details."
    )
    details_min_clause_words: int = _setting(
        5,
        "A sentence is cut into clauses only where each piece keeps at least this many words "
        "(shorter pieces carry no fact of their own).",
    )
    details_copy_ngram: int = _setting(
        5,
        "Length of the word n-grams that count as copied text in Pair.copied (5 is the usual "
        "shingle size in text-reuse studies, e.g. Clough et al. 2002, METER corpus).",
    )
    details_derivative_reuse: float = _setting(
        0.2,
        "A pair gets a direction (which version derives from which) only when at least this "
        "share of one version repeats the other.",
    )
    details_derivative_margin: float = _setting(
        0.1,
        "Without a citation or dates, the version with the larger share of reused text is the "
        "derivative when the shares differ by at least this much; else the shorter one.",
    )

    # -- tone (framing.tone)
    tone_model: str = _setting(
        "transformer",
        "Model for tone toward each actor: 'transformer' (fine-tuned MiniLM, NewsMTSC dev "
        "macro-F1 0.740, 6-22 CPU ms a mention by CPU) or 'linear' (logistic regression, 0.661, "
        "about 0.04-0.1 ms). Corpus mode uses 'linear' unless told otherwise, for speed.",
    )

    def __post_init__(self) -> None:
        check_tone_model(self.tone_model)

    def describe(self) -> dict[str, dict[str, object]]:
        """Each setting's current value and help text."""
        return {
            f.name: {"value": getattr(self, f.name), "help": f.metadata.get("help", "")}
            for f in fields(self)
        }


DEFAULT_SETTINGS = Settings()
