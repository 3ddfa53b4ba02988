"""Importers turning public datasets into the project's problem files (one JSONL, CodeContests field names).

`solve import codecontests DIR --out problems.jsonl` reads DeepMind's CodeContests parquet shards;
`solve import xcodeeval FILE --out problems.jsonl` reads xCodeEval's program-synthesis JSONL. Both validate every
record before the output appears, and report what they dropped or skipped.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from solver.importers.writer import ImportReport, Skip

__all__ = ["ImportReport", "Skip", "import_codecontests", "import_command", "import_xcodeeval"]


def import_codecontests(path: Path, out: Path) -> ImportReport:
    from solver.importers.codecontests import import_codecontests as run  # pyarrow only when it is needed

    return run(path, out)


def import_xcodeeval(path: Path, out: Path) -> ImportReport:
    from solver.importers.xcodeeval import import_xcodeeval as run

    return run(path, out)


def import_command(kind: Literal["codecontests", "xcodeeval"], path: Path, *, out: Path) -> int:
    """Import a public dataset (CodeContests parquet or xCodeEval JSONL) into one problems JSONL file."""
    importer = {"codecontests": import_codecontests, "xcodeeval": import_xcodeeval}[kind]
    report = importer(path, out)
    print(report.summary())
    return 0
