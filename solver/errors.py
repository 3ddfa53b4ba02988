"""Errors a user can fix, which the CLI prints as one line instead of a traceback."""

from __future__ import annotations


class UsageError(Exception):
    """Bad arguments or a missing file, found before any work is done."""


def expected_errors() -> tuple[type[BaseException], ...]:
    from solver.execution import IsolationError
    from solver.problem import ProblemFormatError

    return (UsageError, ProblemFormatError, IsolationError, FileNotFoundError)
