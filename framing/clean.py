"""Separate the story from everything that is not the story.

A news page, once its text is extracted, carries much more than the story: navigation crumbs,
the headline again, read-time and date lines, photo captions, "Read also" links, share and
follow prompts, site notices, syndication lines, bylines and, on some sites, a reader comment
thread.  :func:`clean` classifies each line of the raw text, cuts out what is not the story and
keeps every cut part as a :class:`~framing.types.Removed` record (kind, verbatim text, offsets
into the raw ``Article.text``), so nothing is lost.

The rules are general rules of news pages (see the README section "Cleaning: what is removed
from an article" for the list and the measured false-removal rate).  They look at whole lines:
a line is removed only when *all* of it matches a page-furniture form ("2 min read",
"Share this article", "News / Iraq / Russia", "FILE - In this ... file photo ..."), so a story
sentence that merely mentions a photo or a date stays.  The one part cut from inside a line is
a labelled date prefix (``date 2020-02-07 BAGHDAD – ...``).

Reader comments are found from the structure of a thread, as no header may announce them: a
thread starts at a line that looks like a user name (1-3 capitalised words or a handle, no
sentence punctuation) or a comment header ("Comments", "12 comments", "Leave a reply"), and the
lines after it must look like a thread: more name lines and informal posts (lol, haha,
profanity, all-caps shouting, "you" outside quotes, a lowercase start, "arms,Warships"
spacing, "!").  Once a thread starts, everything after it is comments.

Example:
    >>> from framing.types import Article
    >>> doc = clean(Article(id="x", text="2 min read\\nThe talks ended.\\n\\nShare this article"))
    >>> doc.body
    'The talks ended.'
    >>> [(r.kind, r.text) for r in doc.removed]
    [('read_time', '2 min read'), ('share_prompt', 'Share this article')]
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from operator import itemgetter

from .patterns import may_contain_nocase
from .quotes import find_quotes
from .sentences import split_sentences
from .types import Article, Document, Removed

# --------------------------------------------------------------------------------------------
# Line forms.  Each matches a whole stripped line (re.fullmatch), case-insensitively where the
# flag says so.  Sources: the page furniture of AP, Reuters, AFP, BBC, The Guardian, Al
# Jazeera, The New Arab, Press TV, ZeroHedge, WordPress and Disqus pages, as it appears in
# text extracted by trafilatura / readability-style tools.
# --------------------------------------------------------------------------------------------

_I = re.IGNORECASE
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:Mon|Tue(?:s)?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?"
_DATE = (
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}"
    rf"|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|{_MONTH}\s+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
    r"|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})"
)
_TIME = (
    r"(?:\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?|\d{1,2}\s*[ap]\.?m\.?)"
    r"(?:\s*\(?(?:GMT|UTC|ET|EST|EDT|CT|PT|PST|PDT|BST|CET|CEST|MSK|AST|IST)(?:[+-]\d{1,2})?\)?)?"
)
_AGO = r"\d+\s*(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|h|days?|d|weeks?|months?|years?)\s+ago"
_DATE_LABEL = (
    r"(?:date|dated|published|publication date|posted|posted on|updated|last updated|"
    r"first published|modified|last modified|created)"
)
_DATE_PART = rf"(?:{_DATE}|{_TIME}|{_WEEKDAY}|{_AGO}|today|yesterday|at|on)"
_DATE_LINE = re.compile(
    rf"(?:{_DATE_LABEL}\s*:?\s*)?{_DATE_PART}(?:[\s,|•·/\-–—]+{_DATE_PART})*\.?"
    rf"(?:\s*[|•·]\s*{_DATE_LABEL}\s*:?\s*{_DATE_PART}(?:[\s,|•·/\-–—]+{_DATE_PART})*)*",
    _I,
)
_DATE_PREFIX = re.compile(
    rf"{_DATE_LABEL}\s*:?\s*{_DATE}(?:[\s,]+{_TIME})?(?:\s*[|•·]\s*)?(?=\s+\S)", _I
)
_READ_TIME = re.compile(
    r"(?:⏱\s*)?(?:(?:estimated\s+)?reading time\s*:?\s*)?(?:about\s+|approx\.?\s+)?"
    r"\d+\s*(?:-\s*)?(?:min|mins|minutes?)\.?(?:\s+(?:read|reading|to read|listen))?"
    r"(?:\s+time)?",
    _I,
)
_NAV_WORDS = re.compile(
    r"(?:skip to (?:main )?content|skip navigation|jump to (?:main )?content|main menu|menu|"
    r"toggle navigation|open menu|close menu|search|home|back to top|back to (?:home|news)|"
    r"next article|previous article|next story|previous story|more stories|top stories|"
    r"trending(?: now)?|most read|most popular|latest(?: news)?|breaking news|you are here:?.*|"
    r"sections|close|log ?in|sign in|register|my account)",
    _I,
)
_CRUMB_SEP = re.compile(r"\s*(?:/|>|»|›|\||→|::)\s*")
_CRUMB_SEGMENT = re.compile(r"[A-Z0-9][\w'’&.-]*(?:\s+[\w'’&.-]+){0,3}")
_READ_ALSO = re.compile(
    r"(?:read also|also read|read more|read next|more to read|related|related articles?|"
    r"related stories|related coverage|related content|related news|related topics|see also|"
    r"more on this(?: story| topic)?|recommended(?: stories| reading| for you)?|"
    r"you (?:may|might) also (?:like|be interested in)|must read|don'?t miss|more from [\w ]{1,30}|"
    r"watch|listen|further reading|keep reading|continue reading)"
    r"(?:\s*[:|\-–—»>]\s*.*|\s*)",
    _I,
)
_SHARE_EXACT = re.compile(
    r"(?:share|share this|share this (?:article|story|page|post|video)|share (?:on|via) .{1,30}|"
    r"tweet|tweet this|email|e-mail|print|pin|pin it|whatsapp|copy link|copy url|link copied|"
    r"facebook|twitter|linkedin|reddit|telegram|messenger|flipboard|comment|comments? \(\d+\)|"
    r"(?:facebook|twitter|linkedin|reddit|telegram|whatsapp|email|print|share)"
    r"(?:\s*[|•·,]?\s*(?:facebook|twitter|linkedin|reddit|telegram|whatsapp|email|print|share))+)",
    _I,
)
_SHARE_START = re.compile(
    r"(?:follow|like|join|subscribe|sign up|signup|get|download|click|tap|don'?t miss|never miss|"
    r"stay (?:up to date|informed|connected|updated)|be the first|want more|enjoy(?:ed)? this|"
    r"support|donate|become a (?:member|subscriber|patron))\b",
    _I,
)
_SHARE_TARGET = re.compile(
    r"\b(?:us|our|newsletters?|twitter|facebook|instagram|telegram|youtube|tiktok|linkedin|"
    r"whatsapp|app|notifications|podcasts?|inbox|subscribers?|membership|alerts|rss|"
    r"this (?:article|story|post|page)|full coverage)\b",
    _I,
)
# "Click here", "Sign up here": "here" is a target only after these verbs.
_SHARE_HERE = re.compile(r"(?:click|tap|sign up|subscribe|register)\b.*\bhere\b", _I)
# A reported-speech verb makes a line a story sentence ("Join our fight, the leader said.").
_REPORTED = re.compile(r"\b(?:said|says|told|according to|urged|asked)\b", _I)
_PLATFORM = re.compile(
    r"\b(?:Roku|App Store|Google Play|Apple TV|Android(?: TV)?|iOS|Amazon Fire|Fire TV|Telegram|"
    r"WhatsApp|Instagram|Facebook|Twitter|YouTube|TikTok|LinkedIn|RSS|Podcasts?|Spotify|VK)\b"
)
_CAPTION_FORMS = (
    re.compile(r"FILE\s*[-–—:|]\s*.*|FILE PHOTO\b.*", 0),
    re.compile(
        r"(?:In )?this (?:[\w.,/-]+ ){0,6}?(?:file |handout |undated |aerial )?"
        r"(?:photo|image|picture|photograph|video grab|screen ?grab|still)"
        r"(?: (?:taken|released|provided|made|posted|shared|obtained|distributed|shows))?\b.*",
        _I,
    ),
    re.compile(
        r"(?:An? |The )?(?:file|handout|undated|archive|stock) (?:photo|image|picture|photograph)"
        r"\b.*",
        _I,
    ),
    re.compile(
        r"(?:photo|photograph|photos|picture|image|pictured|photo credit|image credit|credit|"
        r"caption|illustration|graphic|video|source image)\s*(?::|\||by\b|/|©).{0,200}",
        _I,
    ),
    re.compile(
        r"image (?:source|caption|copyright),?.*|media caption,?.*|(?:click|tap) to enlarge.*", _I
    ),
    re.compile(
        r"(?:[A-Z][\w'’.]*\s*/\s*)?(?:Getty Images|AFP via Getty Images|Getty|Reuters|AFP|AP|EPA|"
        r"Shutterstock|Alamy|Anadolu(?: Agency)?|Xinhua|Sputnik|TASS|Bloomberg)"
        r"(?:\s*(?:/|via|Photo|Images?)\s*[\w .'’/-]{0,40})?",
        0,
    ),
)
# A short caption naming its picture: "Iraqi helicopters file image."  Only without a verb, so
# that "The ministry released a file photo." stays.
_SHORT_CAPTION = re.compile(
    r"[A-Z].{0,80}\b(?:file|handout|archive|stock) (?:photo|image|picture|photograph)\.?", _I
)
_VERBISH = frozenset(
    "is was were are be been has have had released releases showed shows show said says took "
    "published posted shared obtained provided taken".split()
)
# "Doug Mills/The New York Times/Redux": a slash-separated picture credit, not a crumb.
_PICTURE_AGENCY = re.compile(
    r"\b(?:Getty Images|Redux|AP Photo|AFP|Reuters|EPA|Shutterstock|Alamy|Bloomberg|Polaris|"
    r"Sipa|Zuma|Anadolu|PA Images|The New York Times|The Washington Post)\b"
)
# A caption ending with a bracketed or parenthesised picture credit: "... relations [Getty]",
# "Soldiers stand guard (AP Photo/Hadi Mizban, File)".
_CAPTION_CREDIT = re.compile(
    r".{3,300}?\s*(?:\[\s*[A-Z][\w'’./&-]*(?:[ /,-]+[A-Z][\w'’./&-]*){0,4}\s*\]"
    r"|\((?:[^()]{0,40}\b(?:Photo|Photograph|Getty|AFP|Reuters|EPA|Shutterstock|Alamy|Anadolu|"
    r"Xinhua|Sputnik|Images?)\b[^()]{0,60})\))",
)
_SYNDICATION = re.compile(
    r"(?:(?:this|the) (?:article|story|post|piece|report|column|op-ed) )?(?:was |has been |is )?"
    r"(?:originally|first) (?:appeared|published|posted|ran|run)\b.*"
    r"|(?:(?:this|the) (?:article|story|post|piece) (?:is|was|has been) )?"
    r"(?:republished|reprinted|reproduced|syndicated|cross-posted|crossposted)"
    r"(?: (?:here )?with (?:kind )?permission)? (?:from|of|by|with)\b.*"
    r"|(?:this|the) (?:article|story|report) (?:was )?(?:produced|published) "
    r"(?:by|in partnership with)\b.*"
    r"|read the original (?:article|story|post).*"
    r"|the post .{1,300} appeared first on .{1,100}"
    r"|(?:via|source|sources|h/t|hat tip)\s*:\s*\S.{0,80}",
    _I,
)
# Phrases that make a short line a site notice wherever they stand in it.  Searched only in a
# line that has one of _SITE_NOTICE_NEEDLES, the words each phrase must contain (in lower
# case; see _has_site_notice_phrase).
_SITE_NOTICE_NEEDLES = (
    "be accessed at", "alternate ", "all rights reserved", "may not be ", "cookies",
    "trust principles",
)
_SITE_NOTICE_PHRASE = re.compile(
    r"\b(?:can (?:also )?be accessed at|alternate (?:addresses|domains?|urls?)|"
    r"all rights reserved|may not be (?:published|reproduced|copied|redistributed)|"
    r"uses? cookies|trust principles)\b",
    _I,
)
_SITE_NOTICE = re.compile(
    r"(?:https?://|www\.)\S+"
    r"|[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|co\.uk|uk|ir|ru|io|info|news|tv|de|fr|in|au|ca|me|co)"
    r"(?:/\S*)?"
    r"|(?:©|\(c\)).{0,200}|copyright\s*(?:©\s*|\(c\)\s*)?\d{4}.{0,200}"
    r"|terms of (?:use|service)|privacy(?: policy| notice)?|cookie (?:policy|settings)"
    r"|accept(?: all)? cookies|"
    r"(?:please )?enable javascript.*|your browser does not support.*|loading\.*"
    r"|the (?:views|opinions) expressed (?:in this (?:article|piece) )?are (?:those of )?the "
    r"author.*",
    _I,
)
_OTHER = re.compile(
    r"(?i:advertisement|advertising|ad|sponsored(?: content)?|paid content|promoted|"
    r"story continues below(?: advertisement)?|scroll to continue.*|continue reading below|"
    r"continue reading the main story|supported by|skip advertisement)"
    # Wire credit trailers: "(Reporting by John Davison; Editing by Alex Richardson)",
    # "Reporting by Jane Doe in Baghdad", "Jane Doe contributed to this report."
    r"|\(?(?:[Aa]dditional )?(?:[Rr]eporting|[Ww]riting|[Ee]diting|[Cc]ompiled) by "
    r"[A-Z][\w.'’-]*(?:[ ,]+(?:and |in |& |by )?[A-Z][\w.'’-]*)*"
    r"(?:\s*;\s*(?:[Aa]dditional )?(?:[Rr]eporting|[Ww]riting|[Ee]diting) by [^)]*)?\)?\.?"
)
# ... and "Jane Doe contributed to this report.", fully matched only in a line that has
# "contributed " (the leading [^.]{0,120} backtracks over every line otherwise).
_CONTRIBUTED = re.compile(r"[^.]{0,120}\bcontributed (?:to )?(?:this|the) (?:report|story|article)\.")
# A byline: "By Jane Doe", "By Qassim Abdul-Zahra and Samya Kullab | AP", "By JANE DOE,
# Associated Press".  No full stop at the end, at most 12 words.
_BYLINE = re.compile(
    r"(?i:by|written by|words by|words:)\s+[A-Z][\w.'’-]*"
    r"(?:\s+(?:[A-Z][\w.'’-]*|and|&|de|da|van|von|bin|al-\w+|,))*"
    r"(?:\s*(?:,|\||—|–|-|/|in)\s*[A-Z][\w.'’ -]{0,60})?"
)
_COMMENT_HEADER = re.compile(
    r"(?:\d+\s+)?(?:comments?|responses?|replies|reader comments|readers'? comments|"
    r"join the (?:discussion|conversation)|leave a (?:comment|reply)|post a comment|"
    r"add (?:a|your) comment|show comments|view comments|load comments|discussion|"
    r"have your say|what do you think\??|\d+ thoughts on .{1,200}|comments are closed\.?|"
    r"comments? \(\d+\))\s*:?",
    _I,
)
_COMMENT_META = re.compile(
    rf"(?:reply|report|report abuse|flag|permalink|upvote|downvote|like|likes?|"
    rf"\d+\s+(?:likes?|replies|points?|votes?|upvotes?)|{_AGO}|"
    rf".{{1,40}}\s+(?:says|said|wrote)\s*:|"
    rf"\S.{{0,40}}\s+(?:on\s+)?{_DATE}(?:\s+at\s+{_TIME})?)",
    _I,
)
_NAME_TOKEN = re.compile(
    r"[A-Z][a-zA-Z'’-]*\.?|[A-Z]{2,5}|@?[A-Za-z][\w.-]*\d[\w.-]*|@?[a-z]+_[\w]+|@\w+"
)
# Informal words of reader posts (chat abbreviations, slang, insults, profanity).  Matched as
# whole lowercase words; _PROFANE_PREFIXES as word beginnings.
_INFORMAL_WORDS = frozenset(
    """
    lol lmao lmfao rofl omg wtf smh imho imo btw fwiw dude mate bro yo gonna wanna gotta ya u
    ur pls plz thx nope yep yeah haha hahaha hehe crap damn ass stupid tard jerk suck sucks
    sheeple loser losers clown clowns shill shills idiot idiots moron morons troll trolls
    trolling
    """.split()
)
_PROFANE_PREFIXES = (
    "fuck",
    "shit",
    "bitch",
    "bastard",
    "asshole",
    "idiot",
    "moron",
    "dumb",
    "scum",
    "retard",
    "libtard",
    "haha",
    "hehe",
    "trolling",
    "jerk",
)
_PROFANE_HEADS = frozenset(p[:4] for p in _PROFANE_PREFIXES)
# Masked profanity and emoticons ("f*k", "b@lls", ":)"); searched only when the text has one of
# their characters (the search is the costliest step of _informal).
_INFORMAL_SYMBOLS = re.compile(r"\b[a-z]+[*@#]+[a-z]*|[:;]-?[()DPp](?!\w)|<3")
_SYMBOL_CHAR = re.compile(r"[*@#:;<]")  # one of their characters
_DOUBLE_MARKS = ("!!", "??", "?!", "!?")
# "arms,Warships": no space after a comma.  r"[a-z][a-z],[A-Za-z]" written to open with the
# comma, which re skips to at C speed (the letters before it checked by a lookbehind), instead
# of being tried at every lower-case letter: the same matches (tests/test_clean.py).
_GLUED_COMMA = re.compile(r",(?<=[a-z][a-z],)[A-Za-z]")
_SECOND_PERSON = re.compile(r"\b(?:you|you'?re|you’re|your|yours|yourself)\b", _I)
_QUOTED = re.compile(r"[“\"][^”\"]*[”\"]")
# All-caps runs: r"\b[A-Z]{2,}(?:\s+[A-Z]{2,}){2,}\b" written to open with a capital, which re
# skips to, the word boundary before it checked by a lookbehind (no word character before the
# capital): the same matches (tests/test_clean.py).
_SHOUTING = re.compile(r"[A-Z](?<!\w.)[A-Z]+(?:\s+[A-Z]{2,}){2,}\b")
_FIRST4 = itemgetter(slice(0, 4))
_WORDS = re.compile(r"[\w'’-]+")
# Counting the words of a line (_word_count) without the regular expression: a line of ASCII
# and the usual typographic marks, ’ made ', encoded as UTF-8 and translated byte by byte to
# "a" (an ASCII word character, ' or -) or " " (anything else: every other byte of such a line
# is part of a mark that is no word character) has one "a" run per word.
_PLAIN_LINE = re.compile(r"[^\x00-\x7f“”‘’—–…]")
_WORD_BYTES = bytes(
    ord("a") if b < 128 and (chr(b).isalnum() or chr(b) in "_'-") else ord(" ")
    for b in range(256)
)
_TERMINAL = '.!?:;…"”’)'
# Words of subheadings that user names do not contain.
_HEADING_WORDS = frozenset(
    """
    the a an of and or in on at to for with by from is are was were be this that it its as
    why what how when where who which next key our your my more about after before over vs
    """.split()
)

# Thread detection constants, set on the seed thread (003) and synthetic pages in
# tests/test_clean.py, and checked for false cuts on the 90 BASIL articles (none cut).
_THREAD_WINDOW = 12  # lines after a candidate start that are examined
_THREAD_MIN_NAMES = 2  # name/meta lines needed in the window (the start line counts)
_THREAD_MIN_INFORMAL = 2  # informal posts needed in the window
_THREAD_MIN_SHARE = 0.4  # (names + informal posts) / lines, in the window and in the rest
# Name and metadata lines of a thread are short ("Bob Smith", "March 3, 2021 at 11:02 am",
# "Reply", "Jane says:"): longer lines are not tested.
_META_MAX_CHARS = 60
_HEADER_MAX_CHARS = 250  # "12 thoughts on “<a long headline>”"
_NOT_IN_NAMES = re.compile(r'[.!?,;:"“”()\[\]]')
_MIN_STORY_LINES = 1  # a thread never starts before this many story lines
_THREAD_MIN_CONTRAST = 0.2
# Anonymous threads at the end (no name lines): a run of closing lines, all of them names or
# informal posts when fewer than 4, else at least 75%, after a story with at most 10% informal
# lines.  Set on synthetic pages (tests/test_clean.py) and checked on BASIL (nothing cut).
_TAIL_MIN_LINES = 4
_TAIL_MIN_SHARE = 0.75
_TAIL_MAX_STORY_SHARE = 0.1  # informal share in the window above that of the story before it
# Captions other than AP's "FILE - In this ... photo" paragraphs are short: at most this many
# words ("A file photo of Iraqi soldiers", "Iraqi helicopters file image.").
_CAPTION_MAX_WORDS = 25
# "Read also: <title>" lines: headlines run up to ~20 words; a longer line holds story text.
_LINK_MAX_WORDS = 25
# A line at least this long that ends without punctuation is a wrapped line, not a heading
# (the same bound as framing.sentences: wrap widths are 65-80 characters).
_WRAP_MIN_CHARS = 60
# Share of a headline that a site-name suffix may not exceed ("Title | Site"): titles run
# 40-100 characters, site names 3-25.
_HEADLINE_OVERLAP = 0.6
# A headline at the top: at most this many words (AP headlines run 6-12 words; long SEO
# headlines reach ~20).
_HEADLINE_MAX_WORDS = 25


@dataclass
class _Line:
    start: int  # raw offset of the first non-space character
    end: int  # raw offset after the last non-space character
    text: str
    block: int  # index of the blank-line-separated block
    kind: str | None = None
    keep_from: int | None = None  # raw offset where the kept part starts (prefix removed)


def clean(article: Article) -> Document:
    """Clean one article into a :class:`Document`; removed parts are kept with their kind.

    Args:
        article: The article as read; ``article.text`` is never altered.

    Returns:
        The document: ``body`` is the story text with the removed parts cut out and paragraphs
        joined by a blank line; ``removed`` lists every cut part with offsets into
        ``article.text``; ``sentences`` and ``quotes`` have offsets into ``body``.

    Example:
        >>> from framing.types import Article
        >>> text = "News / World / Asia\\nBy Jane Doe\\nTOKYO (AP) — Talks ended."
        >>> clean(Article(id="a", text=text)).body
        'TOKYO (AP) — Talks ended.'
    """
    raw = article.text or ""
    lines = _lines(raw)
    _classify(lines, article.title or "")
    body = _body(lines)
    removed = _removed(raw, lines)
    return Document(
        article=article,
        body=body,
        removed=removed,
        sentences=split_sentences(body),
        quotes=find_quotes(body),
    )


# --------------------------------------------------------------------------------------------
# Lines
# --------------------------------------------------------------------------------------------

_LINE = re.compile(r"[^\r\n]+")


def _lines(raw: str) -> list[_Line]:
    out: list[_Line] = []
    block = 0
    last_end = 0
    for m in _LINE.finditer(raw):
        s, e = m.span()
        while s < e and raw[s].isspace():
            s += 1
        while e > s and raw[e - 1].isspace():
            e -= 1
        if s == e:
            continue
        if out and raw.count("\n", last_end, s) >= 2:
            block += 1
        out.append(_Line(s, e, raw[s:e], block))
        last_end = e
    return out


def _norm(text: str) -> str:
    """The letters and digits of ``text``, case-folded: :func:`_norm_by_character` with the
    characters tested by ``filter`` at C speed instead of a generator's step each."""
    return "".join(filter(str.isalnum, text.casefold()))


def _norm_by_character(text: str) -> str:
    """:func:`_norm` character by character (its plain form)."""
    return "".join(c for c in text.casefold() if c.isalnum())


def _same_headline(line: str, title: str) -> bool:
    """Whether a line repeats the title, allowing a site name added to either.

    An HTML page's title often carries the site ("Iraq mulls ties with Russia | The New Arab"),
    and a headline line sometimes does too: one may extend the other when the shorter is at
    least _HEADLINE_OVERLAP of the longer and the line is not a sentence.
    """
    a, b = _norm(line), _norm(title)
    if not a or not b:
        return False
    if a == b:
        return True
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return (
        line.rstrip()[-1:] not in ".!?"
        and long_.startswith(short)
        and len(short) >= _HEADLINE_OVERLAP * len(long_)
    )


def is_navigation(line: str) -> bool:
    """Whether a line is a navigation crumb or menu item ("News / Iraq / Russia", "Home").

    Example:
        >>> is_navigation("News / Iraq / Russia"), is_navigation("Iraq and Russia met.")
        (True, False)
    """
    line = line.strip()
    if not line or line[-1] in ".!?" and not line.endswith("..."):
        return False
    if _NAV_WORDS.fullmatch(line):
        return True
    parts = _CRUMB_SEP.split(line)
    if len(parts) < 2 or len(parts) > 8:
        return False
    if not all(_CRUMB_SEGMENT.fullmatch(p) for p in parts if p):
        return False
    if len(parts) == 2:  # one separator: only "Home > World", "News / Iraq"
        return parts[0].lower() in {"home", "news", "main", "index", "start", "front page"}
    return True


def _kind(line: str) -> str | None:
    """The kind of page furniture a whole line is, or None for story text."""
    n = _word_count(line)
    if n == 0:
        # decorative separators ("***", "———", "•"); a lone quotation mark may close a quote
        return None if any(c in line for c in "\"“”‘’'") else "other"
    if n <= 12:
        if _READ_TIME.fullmatch(line):
            return "read_time"
        if _DATE_LINE.fullmatch(line):
            return "date_line"
        if is_navigation(line):
            return "caption" if _PICTURE_AGENCY.search(line) else "navigation"
        if _SHARE_EXACT.fullmatch(line):
            return "share_prompt"
        if _is_other(line):
            return "other"
        if _BYLINE.fullmatch(line) and line[-1] not in ".!?":
            return "other"
        if n <= 6 and line[-1] not in _TERMINAL and _PLATFORM.search(line):
            if all(w[0].isupper() or w[0].isdigit() for w in _WORDS.findall(line)):
                return "share_prompt"
    # A link title is short; a longer line has story text glued to it and is kept whole.
    if n <= _LINK_MAX_WORDS and _READ_ALSO.fullmatch(line):
        return "read_also"
    if (
        n <= 30
        and _SHARE_START.match(line)
        and (_SHARE_TARGET.search(line) or _SHARE_HERE.match(line))
        and not _REPORTED.search(line)
    ):
        return "share_prompt"
    if n <= 40 and _SYNDICATION.fullmatch(line):
        return "syndication"
    if n <= 40 and (_SITE_NOTICE.fullmatch(line) or _has_site_notice_phrase(line)):
        return "site_notice"
    if n <= 40 and _is_other(line):
        return "other"
    if n <= _CAPTION_MAX_WORDS or line.startswith("FILE") or line[:4].lower() in ("in t", "this"):
        for form in _CAPTION_FORMS:
            if form.fullmatch(line):
                return "caption"
    if n <= 60 and line[-1] in "])" and _CAPTION_CREDIT.fullmatch(line):
        return "caption"
    if n <= 8 and _SHORT_CAPTION.fullmatch(line):
        if _VERBISH.isdisjoint(w.lower() for w in _WORDS.findall(line)):
            return "caption"
    return None


def _word_count(line: str) -> int:
    """``len(_WORDS.findall(line))``, counted at C speed when the line is plain (ASCII and the
    usual typographic marks): the number of runs of "a" in its translated bytes.  An ASCII line
    (half of them; str.isascii() reads a flag) is plain and has no ’, without searching it."""
    if line.isascii():
        marks = line.encode().translate(_WORD_BYTES)
        return marks.count(b" a") + marks.startswith(b"a")
    if _PLAIN_LINE.search(line) is None:
        marks = line.replace("’", "'").encode().translate(_WORD_BYTES)
        return marks.count(b" a") + marks.startswith(b"a")
    return len(_WORDS.findall(line))


def _is_other(line: str) -> bool:
    """An advertisement marker or a wire credit trailer (_OTHER or _CONTRIBUTED, the whole
    line)."""
    return _OTHER.fullmatch(line) is not None or (
        "contributed " in line and _CONTRIBUTED.fullmatch(line) is not None
    )


def _has_site_notice_phrase(line: str) -> bool:
    """``_SITE_NOTICE_PHRASE.search(line)``, searched only when the lower-cased line has one of
    the words every phrase contains, or a character that re.IGNORECASE matches to an ASCII
    letter other than its two cases (a few substring tests at C speed instead of a
    case-insensitive search, which re cannot skip ahead in, at every position)."""
    return (
        may_contain_nocase(line, _SITE_NOTICE_NEEDLES)
        and _SITE_NOTICE_PHRASE.search(line) is not None
    )


def _classify(lines: list[_Line], title: str) -> None:
    for ln in lines:
        ln.kind = _kind(ln.text)
        if ln.kind is None:
            m = _DATE_PREFIX.match(ln.text)
            if m:
                ln.keep_from = ln.start + m.end()
                while ln.text[ln.keep_from - ln.start].isspace():
                    ln.keep_from += 1
    _mark_title(lines, title)
    _mark_comments(lines)


def _mark_title(lines: list[_Line], title: str) -> None:
    """A repeated headline at the top of the text is removed as ``title``."""
    first = next((ln for ln in lines if ln.kind is None), None)
    if first is None:
        return
    if any(ln.kind is None for ln in lines if ln.start < first.start):
        return
    if title and _same_headline(first.text, title):
        first.kind = "title"
        return
    # No usable title (none given, or the "title" is a navigation crumb): a short first line
    # with no closing punctuation, followed by story text, is the page's headline.
    if title and not is_navigation(title):
        return
    words = _WORDS.findall(first.text)
    after = [ln for ln in lines if ln.kind is None and ln.start > first.start]
    if (
        len(after) >= 2
        and after[0].block != first.block  # a headline stands alone, a blank line after it
        and 2 <= len(words) <= _HEADLINE_MAX_WORDS
        and first.text[0].isupper()
        and first.text[-1] not in ".!?:;,-–—…\"“”'’"
        and words[-1].lower() not in _HEADING_WORDS  # "... prosecutors will show the"
    ):
        first.kind = "title"


# --------------------------------------------------------------------------------------------
# Reader comments
# --------------------------------------------------------------------------------------------


def _is_name_line(text: str) -> bool:
    """1-3 capitalised words or handles, no sentence punctuation: a commenter's name."""
    if len(text) > 32 or _NOT_IN_NAMES.search(text):
        # a trailing full stop after an initial is still a name ("John Q.")
        if not re.fullmatch(r"[A-Z][a-z]+ [A-Z]\.", text):
            return False
    tokens = text.split()
    if not 1 <= len(tokens) <= 3:
        return False
    if any(t.lower() in _HEADING_WORDS for t in tokens):
        return False  # "The Big Picture", "Why It Matters": a subheading, not a user name
    return all(_NAME_TOKEN.fullmatch(t) for t in tokens)


def _informal(text: str) -> bool:
    """Markers of an informal reader post rather than news prose."""
    return _informal_level(text) > 0


def _informal_level(text: str) -> int:
    """2 for strong markers of a reader post (chat words, profanity, emoticons, "!!", a missing
    space after a comma, a lowercase start), 1 for weak ones that chatty journalism shares
    ("you" or "!" outside quotation marks, all-caps runs), 0 for none."""
    raw_words = _WORDS.findall(text)
    words = list(map(str.lower, raw_words))
    if not _INFORMAL_WORDS.isdisjoint(words):
        # "u", "ur", "ya", "yo" count only in lower case: "U.S." gives the token "U"
        if any(
            w in _INFORMAL_WORDS and (len(w) > 2 or r.islower())
            for w, r in zip(words, raw_words, strict=True)
        ):
            return 2
    if not _PROFANE_HEADS.isdisjoint(map(_FIRST4, words)) and any(
        w[:4] in _PROFANE_HEADS and w.startswith(_PROFANE_PREFIXES) for w in words
    ):
        return 2
    if any(m in text for m in _DOUBLE_MARKS):
        return 2
    if _SYMBOL_CHAR.search(text) and _INFORMAL_SYMBOLS.search(text):
        return 2
    if _GLUED_COMMA.search(text):
        return 2
    first = next((c for c in text if c.isalpha()), "")
    if first.islower():
        return 2
    unquoted = _QUOTED.sub(" ", text) if ("“" in text or '"' in text) else text
    if "you" in unquoted.lower() and _SECOND_PERSON.search(unquoted):
        return 1
    if "!" in unquoted:
        return 1
    return 1 if len(words) >= 6 and _SHOUTING.search(text) else 0


def _tail_thread(lines: list[_Line], names: list[bool]) -> int | None:
    """Where an anonymous thread at the end of the text starts, or None.

    Threads without name lines ("this bridge is a waste" / "agree with you" / "lol") are found
    from the end: the longest run of closing lines that are nearly all names or informal posts
    (all of them when fewer than _TAIL_MIN_LINES, else _TAIL_MIN_SHARE), with at least one
    strong marker, after at least two story lines that are themselves not informal.
    """
    kept = [j for j, ln in enumerate(lines) if ln.kind is None or names[j]]
    hits = strong = count = 0
    start: int | None = None
    level: dict[int, int] = {}
    for pos in range(len(kept) - 1, -1, -1):
        j = kept[pos]
        lv = 0 if names[j] else _informal_level(lines[j].text)
        level[j] = lv
        hit = names[j] or lv > 0
        count += 1
        hits += hit
        strong += lv == 2
        share = hits / count
        if share < 0.5:
            break
        need = 1.0 if count < _TAIL_MIN_LINES else _TAIL_MIN_SHARE
        if hit and count >= 2 and strong >= 1 and share >= need and pos >= 2:
            start = pos
    if start is None:
        return None
    story = kept[:start]
    informal = sum(level.get(j, _informal_level(lines[j].text)) > 0 for j in story if not names[j])
    if informal > _TAIL_MAX_STORY_SHARE * len(story):
        return None
    return kept[start]


def _mark_comments(lines: list[_Line]) -> None:
    """Find where a reader comment thread starts; mark it and everything after as comments."""
    story_seen = 0
    n = len(lines)
    start: int | None = None
    names = [False] * n
    headers = [False] * n
    for i, ln in enumerate(lines):
        short = len(ln.text) <= _META_MAX_CHARS
        if ln.kind is None:
            names[i] = short and (_is_name_line(ln.text) or bool(_COMMENT_META.fullmatch(ln.text)))
            headers[i] = len(ln.text) <= _HEADER_MAX_CHARS and bool(
                _COMMENT_HEADER.fullmatch(ln.text)
            )
        elif ln.kind in ("date_line", "share_prompt", "other"):
            names[i] = short and bool(_COMMENT_META.fullmatch(ln.text))
    if sum(names) < _THREAD_MIN_NAMES and not any(headers):
        tail = _tail_thread(lines, names)
        if tail is not None:
            for ln in lines[tail:]:
                ln.kind = "comments"
                ln.keep_from = None
        return
    informal = _Lazy(lambda j: not names[j] and lines[j].kind is None and _informal(lines[j].text))
    # Running counts of the story lines before the candidate (computed only as far as needed),
    # and counts of thread-like lines from each line to the end (computed once, when needed):
    # both keep the search linear in the number of lines.
    story_lines: list[int] = []
    counted = story_informal = 0
    suffix: list[int] | None = None
    for i, ln in enumerate(lines):
        if headers[i] and story_seen >= 1:
            start = i
            break
        if names[i] and story_seen >= _MIN_STORY_LINES and _window_is_thread(i, names, informal):
            while counted < len(story_lines):
                story_informal += informal[story_lines[counted]]
                counted += 1
            story_share = story_informal / counted if counted else 0.0
            window = range(i, min(n, i + _THREAD_WINDOW))
            if sum(informal[j] for j in window) / len(window) >= story_share + _THREAD_MIN_CONTRAST:
                if suffix is None:
                    suffix = [0] * (n + 1)
                    for j in range(n - 1, -1, -1):
                        suffix[j] = suffix[j + 1] + (names[j] or informal[j])
                if suffix[i] >= _THREAD_MIN_SHARE * (n - i):
                    start = i
                    break
        if ln.kind is None and not names[i]:
            story_seen += 1
            story_lines.append(i)
    if start is None:
        start = _tail_thread(lines, names)
    if start is None:
        return
    for ln in lines[start:]:
        ln.kind = "comments"
        ln.keep_from = None


class _Lazy:
    """A list of booleans computed on first access (informal markers cost a regex or two)."""

    def __init__(self, fn: Callable[[int], bool]) -> None:
        self._fn = fn
        self._cache: dict[int, bool] = {}

    def __getitem__(self, j: int) -> bool:
        v = self._cache.get(j)
        if v is None:
            v = self._cache[j] = bool(self._fn(j))
        return v


def _window_is_thread(i: int, names: list[bool], informal: _Lazy) -> bool:
    """Whether the lines from ``i`` on (a window of them) look like a comment thread."""
    window = range(i, min(len(names), i + _THREAD_WINDOW))
    w_names = sum(names[j] for j in window)
    if w_names < _THREAD_MIN_NAMES:
        return False
    w_informal = sum(informal[j] for j in window)
    if w_informal < _THREAD_MIN_INFORMAL:
        return False
    return (w_names + w_informal) >= _THREAD_MIN_SHARE * len(window)


# --------------------------------------------------------------------------------------------
# Output
# --------------------------------------------------------------------------------------------


def _body(lines: list[_Line]) -> str:
    """The kept text: kept lines of one block are joined when one continues the other."""
    parts: list[str] = []
    prev: _Line | None = None
    for ln in lines:
        if ln.kind is not None:
            continue
        text = ln.text if ln.keep_from is None else ln.text[ln.keep_from - ln.start :]
        if prev is not None:
            # a hard-wrapped line: no closing punctuation, and either long (a heading is
            # short) or continued in lower case
            continues = (
                prev.block == ln.block
                and parts[-1][-1] not in _TERMINAL
                and (text[0].islower() or text[0].isdigit() or len(prev.text) >= _WRAP_MIN_CHARS)
            )
            parts.append(" " if continues else "\n\n")
        parts.append(text)
        prev = ln
    return "".join(parts)


def _removed(raw: str, lines: list[_Line]) -> tuple[Removed, ...]:
    """Removed parts, adjacent lines of one kind merged into one record."""
    spans: list[list] = []  # [kind, start, end]
    for ln in lines:
        if ln.kind is not None:
            if spans and spans[-1][0] == ln.kind and _only_space_between(raw, spans[-1][2], ln):
                spans[-1][2] = ln.end
            else:
                spans.append([ln.kind, ln.start, ln.end])
        elif ln.keep_from is not None:
            end = ln.keep_from
            while end > ln.start and raw[end - 1].isspace():
                end -= 1
            spans.append(["date_line", ln.start, end])
    return tuple(Removed(k, raw[s:e], s, e) for k, s, e in spans)


def _only_space_between(raw: str, end: int, ln: _Line) -> bool:
    return not raw[end : ln.start].strip()
