"""Learn: what each measure means, how it is computed, how accurate it is, and its limits, in
words for a classroom, each with an exercise on the event shown; and the blind exercise (judge
the versions first, then reveal)."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import streamlit as st

from .state import VIEWS, Context, go_to, table

README = Path(__file__).resolve().parents[1] / "README.md"

MEASURES = [
    (
        "Loaded words",
        "Some words carry a judgement as well as a fact: *regime* instead of *government*, "
        "*slammed* instead of *criticised*, *brazen*, *assassination* instead of *killing*. "
        "framing looks each word up in a list of about 2,000 such terms in seven kinds (emotive "
        "words, labels, harsh or soft wording, loaded verbs of saying, hedges, intensifiers), each "
        "with why it is charged and a plainer word, and counts those the outlet writes **in its "
        "own voice**: words inside quotation marks belong to the person quoted and are counted "
        "apart. The score is flagged terms per 100 words.",
        "A word list cannot read context: a flagged word can be fair in a sentence, and a charged "
        "phrase the list lacks goes uncounted. Compare versions of one story rather than reading "
        "one number alone.",
        "Open the version with the most loaded terms side by side with the one with the fewest. "
        "Hover over three underlined words: is each one fair in its sentence? Would the plainer "
        "word framing suggests change what a reader thinks? Then find, under Vocabulary, "
        "\"Same fact, different words\": which version chose the harsher word?",
        "side_by_side",
    ),
    (
        "Details kept, dropped, changed, added",
        "Each version's sentences are lined up with the other versions' sentences that report the "
        "same thing (one *detail*). A detail can be kept **word for word**, **in other words**, "
        "**changed** (a name, number or rank differs) or **left out**. What a version leaves out "
        "can frame a story as much as the words it uses.",
        "Lining up sentences is done by wording and shared names; two sentences that say the same "
        "thing in very different words can be missed, and one long sentence can carry two details.",
        "In the details chart, find a row that only one version has (purple) and one that a "
        "version leaves out while most others keep it. Read it in every version (\"Read one "
        "detail in every version\"). Does leaving it out, or adding it, change whom the story "
        "blames or believes? Where does each version place it: first sentence or last?",
        "details",
    ),
    (
        "Sources: who is cited",
        "A story's sources are the people and institutions it lets speak: those a verb of saying "
        "(*said*, *told*, *according to*, *acknowledged* …) or a quotation gives words to. "
        "framing lists each version's sources in story order, each once (\"President Donald "
        "Trump\", \"Mr. Trump\" and a later \"he\" are one person; \"the ministry statement\" "
        "after \"Iraq's Defense Ministry\" is the ministry again), and marks each **named** or "
        "**anonymous** (\"a senior official\", \"people familiar with the matter\"). It also "
        "lists the sources most other versions cite that a version does not.",
        "Sources are found from the patterns of news writing, not by understanding the story: a "
        "long description before *said* can be cut short, \"he\" can be matched to the wrong "
        "person (on annotated news stories, 16 of 17 were right), and a source introduced in an "
        "unusual way is missed.",
        "Under Details, \"Who each version cites\": which version relies most on anonymous "
        "sources? Find a source most versions cite that one version leaves out. Whose side of "
        "the story does a reader of that version not hear?",
        "details",
    ),
    (
        "Tone toward each actor",
        "Each sentence gets a tone from −1 (negative) to +1 (positive) from a sentiment lexicon "
        "rated by people (VADER); a version's *own voice* tone leaves out the text inside "
        "quotation marks. The tone toward an actor — a country, a person, an organisation — comes "
        "from a model that reads each sentence *knowing where the actor is mentioned* (trained on "
        "news sentences that people labelled for the tone toward a named target, NewsMTSC). "
        "The model does not see the actor's name, only the words "
        "around it, so it judges how the sentence presents the actor, not who the actor is. The "
        "actor's tone is the mean over the sentences that mention it (a sentence that names the "
        "actor twice counts once, at the mean of its mentions). The victim of violence ('the "
        "killing of X', 'Y was shot') is not counted as portrayed negatively: the harm is the "
        "event reported, so a negative reading there counts as 0, and the evidence says so.",
        "A sentence can be negative without being against everyone in it ('X condemned the attack "
        "on Y'); the model gets this right more often than sentence sentiment, but not always. "
        "Read the evidence sentences before concluding.",
        "Choose the actor whose tone differs most between versions, and read each version's most "
        "negative sentence about it (\"The sentences behind the scores\"). Is the sentence "
        "negative about that actor, or about something near it? Would you have scored it the "
        "same way?",
        "tone",
    ),
    (
        "Readability",
        "The Flesch–Kincaid grade estimates the school year a reader needs, from sentence length "
        "and syllables per word.",
        "It measures length, not clarity: short sentences full of jargon score as easy.",
        "Take the hardest and the easiest version by reading grade in the scorecard and read "
        "their first paragraphs aloud. Which one would a 14-year-old follow? Is the harder one "
        "harder because of its ideas or only its sentence length?",
        "overview",
    ),
    (
        "Text reuse",
        "Outlets often republish or rewrite a wire story. framing measures how much of one "
        "version's text closely repeats another's, and which one likely came first.",
        "A shared source (a press release) can make two versions look copied from each other.",
        "Under Details, \"How much of each version repeats another\": find a version that mostly "
        "repeats another. Read the two side by side: what did the rewrite change, drop or add, "
        "and does it name the version it copied?",
        "details",
    ),
]


def _plain(cell: str) -> str:
    """A README table cell as plain text: no code or bold marks, which a table shows as typed
    ("`tests/data/seed_details_expected.json`")."""
    return cell.replace("`", "").replace("**", "").strip()


def accuracy_table() -> pd.DataFrame | None:
    """The "Measured accuracy" table of the README (filled by each scoring section), or None."""
    try:
        text = README.read_text(encoding="utf-8")
    except OSError:
        return None
    m = re.search(r"^## Measured accuracy\s*$(.*?)(?=^## )", text, re.M | re.S)
    if not m:
        return None
    rows = [
        [_plain(c) for c in line.strip().strip("|").split("|")]
        for line in m.group(1).splitlines()
        if line.strip().startswith("|")
    ]
    if len(rows) < 3:
        return None
    header, body = rows[0], [r for r in rows[2:] if len(r) == len(rows[0])]
    return pd.DataFrame(body, columns=header) if body else None


def _blind_exercise(ctx: Context) -> None:
    st.subheader("Blind exercise: judge first, then reveal")
    st.markdown(
        "1. Turn on **blind mode**: outlet names are hidden everywhere (versions become A, B, C…, "
        "and the names are blanked out of the texts, the charts and the downloads).\n"
        "2. Read the versions **side by side** and look at the charts. Which version sounds the "
        "most neutral? Which one tells you the most? Which one takes a side?\n"
        "3. Guess which outlet wrote each version below, then **reveal**."
    )
    if not ctx.blind:
        st.button(
            "Start blind mode", key="start_blind", type="primary", icon=":material/visibility_off:",
            on_click=lambda: st.session_state.update(blind=True),
        )
        return
    outlets = sorted({d.article.outlet or "unknown outlet" for d in ctx.analysis.documents if d.id in ctx.ids})
    guesses = {}
    cols = st.columns(min(len(ctx.ids), 5) or 1)
    for n, i in enumerate(ctx.ids):
        guesses[i] = cols[n % len(cols)].selectbox(
            f"{ctx.label(i)} was written by", ["?", *outlets], key=f"guess_{ctx.analysis.id}_{i}"
        )
    c1, c2 = st.columns([1, 3])
    c1.button("Read them side by side", key="blind_sbs", on_click=go_to, args=("side_by_side",))
    if c2.button("Reveal", key="reveal", type="primary", icon=":material/visibility:"):
        rows, right = [], 0
        for i in ctx.ids:
            real = ctx.analysis.document(i).article.outlet or "unknown outlet"
            ok = guesses[i] == real
            right += ok
            rows.append({"Version": ctx.label(i), "Your guess": guesses[i], "Written by": real, "Right?": "✓" if ok else "✗"})
        st.session_state["revealed_rows"] = rows
        st.session_state["revealed_score"] = f"{right} of {len(ctx.ids)} right"
    if st.session_state.get("revealed_rows"):
        st.success(st.session_state["revealed_score"])
        table(st.session_state["revealed_rows"])
        st.button("Show outlet names everywhere", key="end_blind", on_click=lambda: st.session_state.update(blind=False, revealed_rows=None))


def render(ctx: Context) -> None:
    st.markdown(
        "**framing** compares versions of **one** news event written by different outlets. It "
        "does not say which version is true; it shows *how* each one tells the story: the words "
        "it chooses, the facts it keeps or leaves out, and how it sounds about the people involved."
    )
    _blind_exercise(ctx)
    st.subheader("What each measure means")
    for n, (name, how, limits, exercise, view) in enumerate(MEASURES):
        with st.expander(name, expanded=False):
            st.markdown(f"**How it is computed.** {how}")
            st.markdown(f"**Limits.** {limits}")
            st.markdown(f"**Try it.** {exercise}")
            st.button(
                f"Open {VIEWS[view]}", key=f"learn_try_{n}", on_click=go_to, args=(view,),
                icon=":material/arrow_forward:",
            )
    st.subheader("How accurate is it?")
    accuracy = accuracy_table()
    if accuracy is None:
        st.info("Accuracy figures have not been measured yet: see the README's “Measured accuracy” section.")
    else:
        st.markdown(
            "Each score was checked against articles that people annotated by hand (public research "
            "data sets). The table shows how close framing comes; *target* is the level the project "
            "aims for. For most figures 1.0 is perfect; for ROC-AUC, 0.5 is no better than guessing. "
            "Where a target is *not met*, read that measure with more care."
        )
        shown = accuracy[[c for c in accuracy.columns if c.lower() != "command"]]
        table(shown.to_dict("records"))
        st.caption("The README's “Measured accuracy” table gives the command that produced each figure.")
    st.subheader("Limits to keep in mind")
    st.markdown(
        "- The numbers compare versions **of the same event**; across different stories they mean little.\n"
        "- Lexicons and sentiment were built for English news: a version in another language "
        "gets a warning at the top of the page and stays out of the findings, and its numbers "
        "mean little.\n"
        "- Quotations are the speaker's words, not the outlet's: the choice to quote is a framing choice, "
        "but the words are not counted as the outlet's own.\n"
        "- Every number links to its evidence: read the sentences before drawing a conclusion."
    )
