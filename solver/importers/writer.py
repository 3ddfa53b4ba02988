"""Writing imported problems: validate every record, stream them to a temporary file, rename at the end.

Both importers hand their records to one `ProblemWriter`. Each record goes through `solver.problem.Problem`
before it is written, so the output loads with `load_problems` by construction; a record that does not
validate stops the import with one line naming the file, the record and the field. The JSONL grows in a
temporary file beside the target and replaces it only when every record has been read, so an error or an
interrupt leaves the target as it was (absent, or the previous import) and never half written.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any, Self

from solver.errors import UsageError
from solver.problem import Problem, parse_problem


@dataclass(frozen=True)
class Skip:
    where: str  # file and record, e.g. "train-00000-of-00039.parquet:row 17"
    reason: str


@dataclass(frozen=True)
class ImportReport:
    """What one import did."""

    out: Path
    problems: int  # problems written to `out`
    tests_dropped: dict[str, int] = field(default_factory=dict)  # tests left out because the source cut them short,
    # by the part that was cut ("input" or "output")
    skipped: tuple[Skip, ...] = ()  # records not imported, each with its reason
    merged: int = 0  # records that only added a solution to a problem already read (xCodeEval's per-submission rows)
    solutions_dropped: int = 0  # solutions in languages the schema cannot hold (Kotlin, C#, ...)

    def summary(self) -> str:
        lines = [f"wrote {self.problems} problems to {self.out}"]
        if self.merged:
            lines.append(f"merged {self.merged} further records of the same problems (their solutions)")
        if self.solutions_dropped:
            lines.append(f"left out {self.solutions_dropped} solutions in languages the schema does not name")
        if self.tests_dropped:
            parts = ", ".join(
                f"{count} with the {part} cut short" for part, count in sorted(self.tests_dropped.items())
            )
            lines.append(f"dropped {sum(self.tests_dropped.values())} truncated tests ({parts})")
        if self.skipped:
            reasons = Counter(skip.reason for skip in self.skipped)
            lines.append(f"skipped {len(self.skipped)} records:")
            lines += [f"  {count} × {reason}" for reason, count in reasons.most_common()]
        return "\n".join(lines)


def check_output_path(out: Path) -> None:
    """The output must be a .jsonl file, because that is what `load_problems` reads as one problem per line."""
    if out.suffix != ".jsonl":
        raise UsageError(f"{out}: the output must be a .jsonl file (one problem per line)")
    if out.is_dir():
        raise UsageError(f"{out}: is a directory; give a .jsonl file name")


class ProblemWriter:
    """Context manager collecting validated problems into `out`; nothing reaches `out` unless the block succeeds."""

    def __init__(self, out: Path):
        check_output_path(out)
        self.out = out
        self.count = 0
        self.skipped: list[Skip] = []
        self._first_seen: dict[str, str] = {}
        self._tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
        self._file: Any = None

    def __enter__(self) -> Self:
        self.out.parent.mkdir(parents=True, exist_ok=True)
        self._file = open(self._tmp, "w", encoding="utf-8")
        return self

    def add(self, record: dict[str, Any], where: str) -> Problem | None:
        """Validate and write one record; None (and a recorded skip) when its name was already written,
        because `load_problems` refuses a file with repeated names."""
        problem = parse_problem(record, where)
        if problem.name in self._first_seen:
            self.skip(where, "repeated problem name (the first one was kept)")
            return None
        self._first_seen[problem.name] = where
        # Dump the validated model rather than the raw record: line endings are normalised and languages
        # are names, and whatever validates here loads again unchanged.
        line = json.dumps(problem.model_dump(mode="json", exclude_defaults=True), ensure_ascii=False)
        self._file.write(line + "\n")
        self.count += 1
        return problem

    def skip(self, where: str, reason: str) -> None:
        self.skipped.append(Skip(where, reason))

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        try:
            self._file.flush()
            if kind is None:
                os.fsync(self._file.fileno())
        finally:
            self._file.close()
        if kind is None:
            os.replace(self._tmp, self.out)  # atomic on one filesystem: readers see the old file or the new one
        else:
            self._tmp.unlink(missing_ok=True)
