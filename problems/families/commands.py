"""`solve families`: list the task families, check some of them in the sandbox, or build the three splits."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Literal

from rich.console import Console
from rich.table import Table

from problems.families.build import HELD_OUT_FAMILIES, FamilyError, all_families, build, make_split, verify

console = Console(highlight=False)


def _list() -> int:
    families = all_families()
    table = Table(title=f"{len(families)} task families")
    for column in ("family", "rating", "tags", "split", "time limit"):
        table.add_column(column)
    for f in families:
        table.add_row(f.name, str(f.rating), ",".join(f.tags), "heldout" if f.name in HELD_OUT_FAMILIES else "train",
                      f"{f.time_limit:g} s")  # fmt: skip
    console.print(table)
    return 0


def _check(names: list[str], instances: int, workers: int | None) -> int:
    families = all_families()
    known = {f.name: f for f in families}
    unknown = [n for n in names if n not in known]
    if unknown:
        raise FamilyError(f"unknown families: {', '.join(unknown)} (see `solve families list`)")
    chosen = [known[n] for n in names] if names else families
    table = Table(title=f"{instances} instances each, every program judged on every test")
    for column in ("family", "tests", "reference programs", "wrong kept", "wrong dropped", "seconds"):
        table.add_column(column)
    for family in chosen:
        started = time.perf_counter()
        problems = make_split("check", instances, [family])
        stats = verify(problems, workers)[family.name]
        table.add_row(family.name, str(stats.tests), str(stats.programs_ok),
                      ", ".join(f"{k} {v}" for k, v in sorted(stats.wrong_kept.items())) or "-",
                      ", ".join(f"{k} {v}" for k, v in sorted(stats.wrong_dropped.items())) or "-",
                      f"{time.perf_counter() - started:.1f}")  # fmt: skip
    console.print(table)
    return 0


def families_command(
    action: Literal["list", "check", "build"],
    names: list[str] | None = None,
    *,
    out: Path | None = None,
    train: int = 60,
    valid: int = 6,
    heldout: int = 25,
    instances: int = 3,
    seed: int = 0,
    workers: int | None = None,
    verify: bool = True,
) -> int:
    """The task families: `list` them, `check [NAME ...]` (a few instances judged in the sandbox), or `build --out
    DIR` (train/valid/heldout JSONL: TRAIN, VALID and HELDOUT instances per family, each program verified)."""
    if action == "list":
        return _list()
    if action == "check":
        return _check(names or [], instances, workers)
    if out is None:
        raise FamilyError("families build: --out DIR is required")
    if out.exists() and not out.is_dir():
        raise FamilyError(f"{out}: --out must be a directory")
    build(out, {"train": train, "valid": valid, "heldout": heldout}, seed, workers, verify, log=console.print)
    return 0
