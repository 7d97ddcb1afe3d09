"""The pipeline's wiring: several events analysed together give what each gives alone."""

from __future__ import annotations

from pathlib import Path

import pytest

import framing.analysis
from framing import analyze, analyze_event, load_articles
from framing.analysis import analyze_events
from framing.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
EVENTS = {"seeds": ROOT / "seeds", "water": ROOT / "tests/data/events/water-rates"}


@pytest.mark.parametrize("model", ["linear", "transformer"])
@pytest.mark.parametrize("products", ["all", "store"])
def test_events_analysed_together_equal_each_analysed_alone(model, products):
    settings = Settings(tone_model=model)
    events = [(name, load_articles([path])) for name, path in EVENTS.items()]
    together = analyze_events(events, settings=settings, products=products)
    alone = [analyze_event(a, event_id=name, settings=settings, products=products)
             for name, a in events]
    assert [e.id for e in together] == ["seeds", "water"]
    assert together == alone
    # the tone toward actors is there to compare (not empty results)
    assert all(len(e.tone.articles) == len(e.documents) for e in together)
    assert sum(len(t.actor_tone) for t in together[0].tone.articles.values()) >= 10


def test_an_event_that_raises_gets_its_exception_and_the_others_their_analysis(monkeypatch):
    real = framing.analysis.actors.find_mentions

    def flaky(doc, **kw):
        if "water" in doc.body.lower():
            raise RuntimeError("broken event")
        return real(doc, **kw)

    monkeypatch.setattr(framing.analysis.actors, "find_mentions", flaky)
    events = [(name, load_articles([path])) for name, path in EVENTS.items()]
    seeds, water = analyze_events(events)
    assert isinstance(water, RuntimeError) and str(water) == "broken event"
    monkeypatch.setattr(framing.analysis.actors, "find_mentions", real)
    assert seeds == analyze_event(events[0][1], event_id="seeds")


def test_analyze_raises_what_an_event_raised(monkeypatch):
    def broken(docs, **kw):
        raise RuntimeError("broken details")

    monkeypatch.setattr(framing.analysis.details, "analyze", broken)
    with pytest.raises(RuntimeError, match="broken details"):
        analyze(load_articles([EVENTS["seeds"]]))


def test_analyze_events_refuses_unknown_products():
    with pytest.raises(ValueError, match="products"):
        analyze_events([], products="some")  # type: ignore[arg-type]


def test_many_mentions_are_scored_in_bounded_batches_with_the_same_results():
    """More mentions than a batch holds (tone.MAX_BATCH_TARGETS: bounded memory for
    ``framing.analyze`` on a large input) are scored in several batches, each mention as in
    one batch."""
    import framing.tone
    from framing.actors import find_mentions
    from framing.clean import clean
    from framing.target_tone import clear_caches, predict

    sentences, spans = [], []
    for d in (clean(a) for a in load_articles([EVENTS["seeds"]])):
        for m in find_mentions(d):
            s = d.sentences[m.sentence]
            sentences.append(s.text)
            spans.append((m.start - s.start, m.end - s.start))
    sizes = []

    def counting(batch, *args):
        sizes.append(len(batch))
        return predict(batch, *args)

    clear_caches()  # (each batch computes its mentions)
    batched = framing.tone._in_batches(counting, sentences, spans, None, 7)
    clear_caches()
    assert batched == predict(sentences, spans)
    assert len(sentences) > 50 and max(sizes) == 7 and sum(sizes) == len(sentences)


def test_the_versions_of_an_event_call_one_person_by_one_name() -> None:
    from framing.types import Article

    versions = [
        Article("a", "Rep. Stephen F. Lynch criticised the plan on Monday. Lynch said it would fail."),
        Article("b", "Rep. Stephen Lynch praised the plan on Monday. Lynch said it would work."),
        Article("c", "Mr. Lynch said on Monday that the plan was fine."),
    ]
    result = analyze_event(versions)
    named = {m.actor for found in result.mentions.values() for m in found if m.kind == "person"}
    assert named == {"Stephen F. Lynch"}
    assert all("Stephen F. Lynch" in result.tone.articles[v].actor_tone for v in "abc")
