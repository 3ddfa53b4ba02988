"""Import DeepMind's CodeContests as distributed on the Hugging Face hub (parquet files) into one problems JSONL.

The release keeps the proto's field names, so most columns carry over as they are; what needs care:
- the proto writes 0 or "" for an unset scalar (`cf_rating`, `cf_contest_id`, `memory_limit_bytes`, `cf_index`)
  and a zero Duration for an unknown time limit; these become "not given" rather than a rating of 0 or a
  memory limit of 0 bytes (which the schema rightly refuses);
- problems that read `input_file` / write `output_file` instead of standard streams are skipped, because the
  judge feeds standard input only;
- columns the schema has no field for (`cf_points`, `is_description_translated`, `untranslated_description`)
  are not carried.
Files are read one record batch at a time through pyarrow (`to_pylist` gives plain lists and dicts, so no numpy
arrays reach the schema), which keeps memory flat on the ~100 MB training shards full of generated tests.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from solver.importers.writer import ImportReport, ProblemWriter, check_output_path
from solver.problem import ProblemFormatError

REQUIRED_COLUMNS = ("name", "description", "public_tests")
CARRIED = (
    "name", "description", "public_tests", "private_tests", "generated_tests", "solutions", "incorrect_solutions",
    "cf_contest_id", "cf_index", "cf_rating", "cf_tags", "difficulty", "time_limit", "memory_limit_bytes", "source",
)  # fmt: skip
UNSET_WHEN_ZERO = ("cf_rating", "cf_contest_id", "memory_limit_bytes")
BATCH_ROWS = 32  # a training row can hold megabytes of generated tests; small batches keep memory flat


def parquet_files(path: Path) -> list[Path]:
    """One .parquet file, or every .parquet file under a directory in name order (train-00000-of-00039, ...)."""
    if path.is_dir():
        files = sorted(p for p in path.rglob("*.parquet") if p.is_file())
        if not files:
            raise ProblemFormatError(f"{path}: no .parquet files in this directory")
        return files
    if not path.is_file():
        raise ProblemFormatError(f"{path}: no such file or directory")
    if path.suffix != ".parquet":
        raise ProblemFormatError(f"{path}: expected a .parquet file or a directory of them")
    return [path]


def to_record(row: dict[str, Any]) -> dict[str, Any]:
    """One release row as a record in the project's schema (not yet validated)."""
    record = {key: row[key] for key in CARRIED if key in row}
    for key in UNSET_WHEN_ZERO:
        if record.get(key) == 0:
            record[key] = None
    if record.get("cf_index") == "":
        record["cf_index"] = None
    limit = record.get("time_limit")
    if isinstance(limit, dict) and not limit.get("seconds") and not limit.get("nanos"):
        record["time_limit"] = None
    return record


def file_io(row: dict[str, Any]) -> str | None:
    """Why a problem cannot be judged through standard streams, if it cannot."""
    for key in ("input_file", "output_file"):
        if row.get(key):
            return f"uses {key} '{row[key]}' instead of standard streams (the judge uses stdin/stdout only)"
    return None


def _open(file: Path) -> pq.ParquetFile:
    try:
        parquet = pq.ParquetFile(file)
    except (pa.ArrowException, OSError) as error:
        raise ProblemFormatError(f"{file}: not a readable parquet file: {error}") from None
    missing = [c for c in REQUIRED_COLUMNS if c not in parquet.schema_arrow.names]
    if missing:
        raise ProblemFormatError(f"{file}: missing column '{missing[0]}' (is this the CodeContests release?)")
    return parquet


def import_codecontests(path: Path, out: Path) -> ImportReport:
    """Read CodeContests parquet (a file or a directory of shards) and write one problem per line to `out`."""
    check_output_path(out)
    files = parquet_files(Path(path))
    parquets = [_open(file) for file in files]  # every file's columns checked before any row is read
    with ProblemWriter(out) as writer:
        for file, parquet in zip(files, parquets):
            number = 0
            try:
                for batch in parquet.iter_batches(batch_size=BATCH_ROWS):
                    for row in batch.to_pylist():
                        number += 1
                        where = f"{file}:row {number}"
                        reason = file_io(row)
                        if reason:
                            writer.skip(where, reason)
                            continue
                        writer.add(to_record(row), where)
            except pa.ArrowException as error:
                raise ProblemFormatError(f"{file}:row {number + 1}: cannot decode: {error}") from None
    return ImportReport(out=out, problems=writer.count, skipped=tuple(writer.skipped))
