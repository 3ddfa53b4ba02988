"""Import xCodeEval's program-synthesis JSONL (Codeforces problems with hidden unit tests) into one problems JSONL.

The source schema differs from CodeContests in ways that need translating:
- list fields (`prob_desc_sample_inputs`, `hidden_unit_tests`, sometimes `tags`) are JSON *strings* holding lists;
- the statement comes in parts (legend, input spec, output spec, notes whose text starts with the word "Note"),
  with Codeforces' `$$$` maths delimiters; the parts are joined under the same headings the CodeContests
  descriptions and `problems/examples` use (Input / Output / Example(s) / Note) so prompts look alike;
- hidden tests come from Codeforces' submission pages, which cut long tests short and end them with "...". Such
  a test would fail every correct program, so it is dropped and counted. A complete hidden input ends with its
  line break, so an input whose raw text ends in "..." is taken as cut; an expected output ending in "..." is
  dropped as an alternative, and the test with it when no alternative is left. A complete grid output ending
  in dots is dropped too: a lost test weakens evaluation a little, a kept cut test breaks it;
- each hidden test may list several accepted outputs, kept as the schema's tuple of alternatives;
- limits are text ("2 seconds", "256 megabytes"); `difficulty` is the Codeforces rating.
The training split has one row per submission, so a `src_uid` seen before only adds that row's program to the
problem's `solutions` (verdict PASSED) or `incorrect_solutions` (any other verdict). Problems are therefore held
until the end of the input, then written through the validating writer.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from solver.importers.writer import ImportReport, ProblemWriter, check_output_path
from solver.problem import Language, ProblemFormatError

REQUIRED = (
    "src_uid", "prob_desc_description", "prob_desc_input_spec", "prob_desc_output_spec",
    "prob_desc_sample_inputs", "prob_desc_sample_outputs",
)  # fmt: skip
HIDDEN_TESTS_KEYS = ("hidden_unit_tests", "hidden_unit_test")  # the dataset's loader script uses the singular
CUT_MARK = "..."
CODEFORCES = 2  # CodeContests' Source enum value for Codeforces, where every xCodeEval problem comes from
_SECONDS = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*seconds?\s*$", re.IGNORECASE)
_MEMORY = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(kilobytes?|megabytes?|gigabytes?)\s*$", re.IGNORECASE)
_BYTES = {"k": 1024, "m": 1024**2, "g": 1024**3}


class FieldError(ValueError):
    """A field that cannot be read; turned into a one-line error naming file, line and field."""

    def __init__(self, name: str, message: str):
        super().__init__(message)
        self.name = name


@dataclass
class _Pending:
    """A problem read but not yet written, gathering the solutions of later rows with the same src_uid."""

    where: str
    record: dict[str, Any]
    solutions: dict[str, list[Any]] = field(default_factory=lambda: {"language": [], "solution": []})
    incorrect: dict[str, list[Any]] = field(default_factory=lambda: {"language": [], "solution": []})


# ----------------------------------------------------------------------------------------------- field readers


def _text(row: dict[str, Any], name: str, required: bool = False) -> str:
    value = row.get(name)
    if value is None:
        if required:
            raise FieldError(name, "missing")
        return ""
    if not isinstance(value, str):
        raise FieldError(name, f"expected text, got {type(value).__name__}")
    return value


def _json_list(row: dict[str, Any], name: str, required: bool = False) -> list[Any]:
    """A list field, given either as a JSON string holding a list (the dataset's way) or as a list."""
    value = row.get(name)
    if value is None or value == "":
        if required:
            raise FieldError(name, "missing")
        return []
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except json.JSONDecodeError as error:
            raise FieldError(name, f"not a JSON list: {error.msg} (column {error.colno})") from None
    if not isinstance(value, list):
        raise FieldError(name, f"expected a list, got {type(value).__name__}")
    return value


def _strings(values: list[Any], name: str) -> list[str]:
    for index, value in enumerate(values):
        if not isinstance(value, str):
            raise FieldError(f"{name}[{index}]", f"expected text, got {type(value).__name__}")
    return values


def _seconds(text: str) -> dict[str, int] | None:
    if not text.strip():
        return None
    match = _SECONDS.match(text)
    if not match:
        raise FieldError("prob_desc_time_limit", f"cannot read {text!r} as a time (expected e.g. '2 seconds')")
    seconds = float(match.group(1))
    return {"seconds": int(seconds), "nanos": round((seconds - int(seconds)) * 1e9)}


def _bytes(text: str) -> int | None:
    if not text.strip():
        return None
    match = _MEMORY.match(text)
    if not match:
        raise FieldError("prob_desc_memory_limit", f"cannot read {text!r} as memory (expected e.g. '256 megabytes')")
    return round(float(match.group(1)) * _BYTES[match.group(2)[0].lower()])


def _rating(row: dict[str, Any]) -> int | None:
    value = row.get("difficulty")
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, (int, str)) or not str(value).strip().isdigit():
        raise FieldError("difficulty", f"expected a rating (a whole number), got {value!r}")
    return int(value)


def _language(row: dict[str, Any]) -> Language | None:
    """The schema's language for a submission's compiler name ("GNU C++17", "PyPy 3", "Java 11"), if it has one."""
    name, family = _text(row, "lang").lower(), _text(row, "lang_cluster").lower()
    if "c++" in name or "clang++" in name or family == "c++":
        return Language.CPP
    if "py" in name or family == "python":
        if "3" in name:
            return Language.PYTHON3
        if "2" in name:
            return Language.PYTHON
        return None  # "Python" alone does not say which major version
    if "java" in name.split() or family == "java":
        return Language.JAVA
    return None


# ----------------------------------------------------------------------------------------------- statement


def _clean(text: str) -> str:
    # `$$$` delimits maths on Codeforces; CodeContests' descriptions carry the maths without it.
    return text.replace("\r\n", "\n").replace("$$$", "").strip()


def _as_input(text: str) -> str:
    # Programs read lines; an input whose last line has no line break trips some of them.
    text = text.replace("\r\n", "\n")
    return text if not text or text.endswith("\n") else text + "\n"


def describe(row: dict[str, Any], examples: list[tuple[str, str]]) -> str:
    """Legend, Input, Output, Example(s) and Note sections laid out as in CodeContests and problems/examples."""
    parts = [_clean(_text(row, "prob_desc_description", True)), ""]
    for heading, name in (("Input", "prob_desc_input_spec"), ("Output", "prob_desc_output_spec")):
        spec = _clean(_text(row, name, True))
        if spec:
            parts += [heading, "", spec, ""]
    if examples:
        parts += ["Example" if len(examples) == 1 else "Examples", ""]
        for test_input, test_output in examples:
            parts += ["Input", "", test_input, "", "Output", "", _as_input(test_output), ""]
    note = _clean(_text(row, "prob_desc_notes"))
    note = note[len("Note") :].strip() if note.startswith("Note") else note
    if note:
        parts += ["Note", "", note]
    return "\n".join(parts).strip() + "\n"


# ----------------------------------------------------------------------------------------------- tests


def _public_tests(row: dict[str, Any]) -> tuple[list[str], list[str]]:
    inputs = _strings(_json_list(row, "prob_desc_sample_inputs", True), "prob_desc_sample_inputs")
    outputs = _strings(_json_list(row, "prob_desc_sample_outputs", True), "prob_desc_sample_outputs")
    if len(inputs) != len(outputs):
        raise FieldError("prob_desc_sample_outputs", f"{len(outputs)} outputs for {len(inputs)} sample inputs")
    # Statement samples are complete by construction, so "..." at their end is data (a grid row), not a cut.
    return [_as_input(text) for text in inputs], outputs


def _hidden_tests(row: dict[str, Any], dropped: dict[str, int]) -> tuple[list[str], list[str | list[str]]]:
    key = next((k for k in HIDDEN_TESTS_KEYS if row.get(k) is not None), HIDDEN_TESTS_KEYS[0])
    inputs: list[str] = []
    outputs: list[str | list[str]] = []
    for index, test in enumerate(_json_list(row, key, True)):
        where = f"{key}[{index}]"
        if not isinstance(test, dict) or "input" not in test or "output" not in test:
            raise FieldError(where, "expected an object with 'input' and 'output'")
        if not isinstance(test["input"], str):
            raise FieldError(f"{where}.input", f"expected text, got {type(test['input']).__name__}")
        accepted = test["output"] if isinstance(test["output"], list) else [test["output"]]
        accepted = _strings(accepted, f"{where}.output")
        if not accepted:
            raise FieldError(f"{where}.output", "no accepted output")
        if test["input"].endswith(CUT_MARK):
            dropped["input"] = dropped.get("input", 0) + 1
            continue
        whole: dict[str, str] = {}  # alternatives differing only in trailing whitespace are one for the judge
        for text in (o.replace("\r\n", "\n") for o in accepted if not o.endswith(CUT_MARK)):
            whole.setdefault(text.rstrip(), text)
        if not whole:
            dropped["output"] = dropped.get("output", 0) + 1
            continue
        inputs.append(_as_input(test["input"]))
        alternatives = list(whole.values())
        outputs.append(alternatives[0] if len(alternatives) == 1 else alternatives)
    return inputs, outputs


# ----------------------------------------------------------------------------------------------- records


def to_record(row: dict[str, Any], dropped: dict[str, int]) -> dict[str, Any]:
    """One xCodeEval row as a record in the project's schema (validated later by the writer)."""
    missing = [name for name in REQUIRED if name not in row]
    if missing:
        raise FieldError(missing[0], "missing")
    name = _text(row, "src_uid", True).strip()
    if not name:
        raise FieldError("src_uid", "empty")
    public_inputs, public_outputs = _public_tests(row)
    hidden_inputs, hidden_outputs = _hidden_tests(row, dropped)
    return {
        "name": name,
        "description": describe(row, list(zip(public_inputs, public_outputs))),
        "public_tests": {"input": public_inputs, "output": public_outputs},
        "private_tests": {"input": hidden_inputs, "output": hidden_outputs},
        "cf_rating": _rating(row),
        "cf_tags": _strings(_json_list(row, "tags"), "tags"),
        "time_limit": _seconds(_text(row, "prob_desc_time_limit")),
        "memory_limit_bytes": _bytes(_text(row, "prob_desc_memory_limit")),
        "source": CODEFORCES,
    }


def _standard_streams(row: dict[str, Any]) -> str | None:
    """Why a problem cannot be judged through standard streams, if it cannot."""
    for name, expected in (("prob_desc_input_from", "standard input"), ("prob_desc_output_to", "standard output")):
        value = _text(row, name).strip()
        if value and value.lower() != expected:
            return f"{name} is '{value}', not {expected} (the judge uses stdin/stdout only)"
    return None


def jsonl_files(path: Path) -> list[Path]:
    if path.is_dir():
        files = sorted(p for p in path.rglob("*.jsonl") if p.is_file())
        if not files:
            raise ProblemFormatError(f"{path}: no .jsonl files in this directory")
        return files
    if not path.is_file():
        raise ProblemFormatError(f"{path}: no such file or directory")
    return [path]


def _rows(file: Path):
    """(line number, decoded object) for each non-blank line; split on b"\\n" only, as JSON escapes its own."""
    with open(file, "rb") as handle:
        for number, raw in enumerate(handle, start=1):
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as error:
                raise ProblemFormatError(f"{file}:{number}: not UTF-8 (byte {error.start})") from None
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as error:
                raise ProblemFormatError(f"{file}:{number}: invalid JSON: {error.msg} (column {error.colno})") from None
            if not isinstance(row, dict):
                raise ProblemFormatError(f"{file}:{number}: expected a JSON object, got {type(row).__name__}")
            yield number, row


def import_xcodeeval(path: Path, out: Path) -> ImportReport:
    """Read xCodeEval program-synthesis JSONL (a file or a directory of them) and write problems to `out`."""
    check_output_path(out)
    pending: dict[str, _Pending] = {}
    skipped: list[tuple[str, str]] = []
    dropped: dict[str, int] = {}
    merged = solutions_dropped = 0
    for file in jsonl_files(Path(path)):
        for number, row in _rows(file):
            where = f"{file}:{number}"
            try:
                uid = _text(row, "src_uid", True).strip()
                if uid in pending:  # another submission to a problem already read: keep only its program
                    merged += 1
                elif (reason := _standard_streams(row)) is not None:
                    skipped.append((where, reason))
                    continue
                else:
                    pending[uid] = _Pending(where, to_record(row, dropped))
                code = _text(row, "source_code")
                if code.strip():
                    language, verdict = _language(row), _text(row, "exec_outcome").strip().upper()
                    if language is None or not verdict:
                        solutions_dropped += 1
                        continue
                    target = pending[uid].solutions if verdict == "PASSED" else pending[uid].incorrect
                    target["language"].append(language.value)
                    target["solution"].append(code)
            except FieldError as error:
                raise ProblemFormatError(f"{where}: field '{error.name}': {error}") from None
    with ProblemWriter(out) as writer:
        for where, reason in skipped:
            writer.skip(where, reason)
        for problem in pending.values():
            record = dict(problem.record, solutions=problem.solutions, incorrect_solutions=problem.incorrect)
            writer.add(record, problem.where)
    return ImportReport(
        out=out, problems=writer.count, tests_dropped=dropped, skipped=tuple(writer.skipped), merged=merged,
        solutions_dropped=solutions_dropped,
    )  # fmt: skip
