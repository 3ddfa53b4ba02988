"""Programs sampled elsewhere (`--samples-from FILE.jsonl`): read, check line by line, hand on as policy samples.

Each line is one program: `{"language": "PYTHON3"|"CPP"|3|..., "code": "..."}` with optional `id`, `logprob_sum`,
`logprob_mean`, `value`, `n_tokens`, `finished` (false: cut at the token limit), `prompt` (`{"rating", "tags"}`, the
metadata it was sampled with), and any other fields, which are kept and carried into the output records. These
are the fields `solve ablate` writes for its shared samples, so a sample read back keeps everything it had. A malformed line
(not JSON, not an object, unknown or unrunnable language, empty code, ill-typed score, repeated id) is skipped and
reported with its line number; it never stops the run. A file with no usable line at all is an input error.
Everything after sampling then runs as for model samples.
"""

from __future__ import annotations

import json
import math
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from solver.errors import UsageError
from solver.model.prompt import PromptSpec
from solver.pipeline.policy import PolicySample
from solver.problem import Language, parse_language

SCORE_FIELDS = ("logprob_sum", "logprob_mean", "value")
KNOWN_FIELDS = {"id", "language", "code", "n_tokens", "finished", "prompt", *SCORE_FIELDS}
# Names other tools use for the two runnable languages, besides the CodeContests names and integer codes.
ALIASES = {"python": Language.PYTHON3, "py": Language.PYTHON3, "py3": Language.PYTHON3, "c++": Language.CPP,
           "cpp17": Language.CPP, "c++17": Language.CPP, "gnu c++17": Language.CPP}  # fmt: skip


@dataclass(frozen=True)
class Malformed:
    line: int
    reason: str


@dataclass(frozen=True)
class ImportedSamples:
    path: Path
    ids: tuple[str, ...]
    samples: tuple[PolicySample, ...]
    malformed: tuple[Malformed, ...]


def _language(value: object) -> Language:
    if isinstance(value, str) and value.strip().lower() in ALIASES:
        return ALIASES[value.strip().lower()]
    language = parse_language(value)
    if not language.runnable:
        raise ValueError(f"language {language.value} cannot be run (PYTHON3 or CPP)")
    return language


def _score(record: dict, name: str) -> float | None:
    value = record.get(name)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise ValueError(f"field '{name}' must be a finite number, got {value!r}")
    return float(value)


def _prompt(record: dict, language: Language) -> PromptSpec | None:
    prompt = record.get("prompt")
    if prompt is None:
        return None
    if not isinstance(prompt, dict) or not isinstance(prompt.get("tags", []), list):
        raise ValueError("field 'prompt' must be an object with 'rating' and a list 'tags'")
    try:
        return PromptSpec(prompt.get("rating"), tuple(prompt.get("tags", [])), language)
    except (TypeError, ValueError) as error:
        raise ValueError(f"field 'prompt': {error}") from None


def _details(record: dict) -> dict:
    n_tokens, finished = record.get("n_tokens"), record.get("finished", True)
    if n_tokens is not None and (isinstance(n_tokens, bool) or not isinstance(n_tokens, int) or n_tokens < 0):
        raise ValueError(f"field 'n_tokens' must be a non-negative integer, got {n_tokens!r}")
    if not isinstance(finished, bool):
        raise ValueError(f"field 'finished' must be true or false, got {finished!r}")
    return {"n_tokens": n_tokens, "finished": finished}


def parse_line(text: str) -> tuple[str | None, PolicySample]:
    """(id or None, sample) of one line; ValueError with the reason when it is malformed."""
    try:
        record = json.loads(text)
    except json.JSONDecodeError as error:
        raise ValueError(f"not JSON ({error.msg})") from None
    except RecursionError:
        raise ValueError("not JSON (nested too deeply)") from None
    if not isinstance(record, dict):
        raise ValueError(f"expected a JSON object, got {type(record).__name__}")
    if "language" not in record:
        raise ValueError("field 'language' is missing")
    language = _language(record["language"])
    code = record.get("code")
    if not isinstance(code, str):
        raise ValueError("field 'code' is missing or not a string")
    if not code.strip():
        raise ValueError("field 'code' is empty")
    sample_id = record.get("id")
    if sample_id is not None and not isinstance(sample_id, (str, int)):
        raise ValueError("field 'id' must be a string or an integer")
    scores = {name: _score(record, name) for name in SCORE_FIELDS}
    extra = {k: v for k, v in record.items() if k not in KNOWN_FIELDS}
    sample = PolicySample(language, code, _prompt(record, language), extra=extra, **scores, **_details(record))
    return (None if sample_id is None else str(sample_id)), sample


def read_samples(path: Path) -> ImportedSamples:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UsageError(f"{path}: no such samples file") from None
    except UnicodeDecodeError:
        raise UsageError(f"{path}: not UTF-8 text") from None
    except OSError as error:
        raise UsageError(f"{path}: {error.strerror}") from None
    ids: list[str] = []
    samples: list[PolicySample] = []
    malformed: list[Malformed] = []
    seen: set[str] = set()
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            given, sample = parse_line(line)
            sample_id = given if given is not None else f"line{number}"
            if sample_id in seen:
                raise ValueError(f"id {sample_id!r} repeats an earlier line's")
        except ValueError as error:
            malformed.append(Malformed(number, str(error)))
            continue
        seen.add(sample_id)
        ids.append(sample_id)
        samples.append(sample)
    if not samples:  # nothing to run is the input's fault: no run should start, let alone write a folder
        if not malformed:
            raise UsageError(f"{path}: no programs (the file is empty)")
        first = malformed[0]
        raise UsageError(f"{path}: no usable program: {len(malformed)} of {len(malformed)} lines are malformed "
                         f"(line {first.line}: {first.reason})")  # fmt: skip
    return ImportedSamples(path, tuple(ids), tuple(samples), tuple(malformed))


def report_malformed(imported: ImportedSamples, shown: int = 5) -> None:
    """Name the skipped lines on stderr (the first few, then a count): stdout carries the results."""
    for m in imported.malformed[:shown]:
        print(f"{imported.path}:{m.line}: skipped: {m.reason}", file=sys.stderr)
    if len(imported.malformed) > shown:
        print(f"{imported.path}: {len(imported.malformed) - shown} more malformed lines skipped", file=sys.stderr)


def check_scores(imported: ImportedSamples, pick: str) -> None:
    """A pick rule that needs a score every sample must have: fail before any work is done."""
    needed = {"mean-logprob": "logprob_mean", "value": "value"}.get(pick)
    if needed is None:
        return
    missing = [i for i, s in zip(imported.ids, imported.samples) if getattr(s, needed) is None]
    if missing:
        raise UsageError(
            f"{imported.path}: --pick {pick} needs field '{needed}' on every program; {len(missing)} of "
            f"{len(imported.samples)} lack it (first: id {missing[0]})"
        )


def samples_file_for(directory: Path, problem_name: str, candidates: Sequence[str] = (".jsonl",)) -> Path | None:
    """The JSONL of one problem in a `--samples-from DIR` batch: DIR/<problem name>.jsonl (or a file-system-safe
    form of the name), or None when it is missing."""
    from solver.pipeline.output import safe_name

    for name in (problem_name, safe_name(problem_name)):
        for suffix in candidates:
            path = Path(directory) / f"{name}{suffix}"
            if path.is_file():
                return path
    return None
