"""Errors a user can cause.  The CLI prints them as one line and exits with status 2."""


class FramingError(Exception):
    """A problem with the user's input or options, explained in one line."""


class InputError(FramingError):
    """Input that cannot be read or analysed (missing path, empty file, no text column...)."""
