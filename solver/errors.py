"""Errors a user can fix, which the CLI prints as one line instead of a traceback."""

from __future__ import annotations


class UsageError(Exception):
    """Bad arguments, a bad or missing file, an unusable output location: found before any work is done.

    Every error the user can fix derives from it (`ProblemFormatError`, `TokenizerError`, `TrainingConfigError`,
    `IsolationError`), so the CLI has one type to turn into one line.
    """


def expected_errors() -> tuple[type[BaseException], ...]:
    return (UsageError, FileNotFoundError)
