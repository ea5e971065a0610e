"""Errors the cleaner raises on purpose; each carries a one-line message."""


class CleanerError(Exception):
    """Base of every error the cleaner raises for bad input or bad rules."""


class InputError(CleanerError):
    """The input cannot be read as text: binary, undecodable, missing."""


class RuleError(CleanerError):
    """A rule pack is invalid, or a rule's pattern ran past its time limit."""
