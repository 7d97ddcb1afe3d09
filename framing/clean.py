"""Separate the story from everything that is not the story.  (Stub: replaced by issue 2.)"""

from __future__ import annotations

from .quotes import find_quotes
from .sentences import split_sentences
from .types import Article, Document


def clean(article: Article) -> Document:
    """Clean one article into a :class:`Document`; removed parts are kept with their kind."""
    body = article.text.strip()
    return Document(
        article=article, body=body, sentences=split_sentences(body), quotes=find_quotes(body)
    )
