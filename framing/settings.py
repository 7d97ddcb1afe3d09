"""User-changeable settings, as data: one frozen object, each field with its help text.

Modules take a :class:`Settings` as an explicit keyword argument; nothing reads global state.
Every default says where it comes from.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields


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

    def describe(self) -> dict[str, dict[str, object]]:
        """Each setting's current value and help text."""
        return {
            f.name: {"value": getattr(self, f.name), "help": f.metadata.get("help", "")}
            for f in fields(self)
        }


DEFAULT_SETTINGS = Settings()
