"""Problems in DeepMind CodeContests' field names: schema, validated loading, and the public view.

Every other stage starts here. Loading turns JSON, JSONL or a directory of either into frozen `Problem`
records, or fails with one `ProblemFormatError` line naming the file, the problem and the field.

Who may see what is enforced by types: prompt building and sample filtering receive a `PublicProblem`
(statement, example tests, rating, tags, limits), which has no attribute through which hidden tests or
solutions could be reached. Only evaluation code holds a full `Problem`.
"""

from __future__ import annotations

import enum
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, field_validator, model_validator

from solver.errors import UsageError

DEFAULT_TIME_LIMIT_SECONDS = 2.0
DEFAULT_MEMORY_LIMIT_BYTES = 256 * 1024 * 1024
# The limits the sandbox accepts (`solver.execution.Limits` checks the same bounds): a problem outside them is
# refused when it is loaded, not when its first program runs.
MAX_TIME_LIMIT_SECONDS = 600
MIN_MEMORY_LIMIT_BYTES = 4 * 1024 * 1024
MAX_MEMORY_LIMIT_BYTES = 64 * 1024 * 1024 * 1024
# Real statements are a few kilobytes and a prompt keeps only ~1536 tokens of one; a statement far longer is a
# mistake (a wrong field, a whole file pasted in), refused before it costs any time.
MAX_STATEMENT_CHARS = 1_000_000
# One problem record (a .json file, or one line of a .jsonl file): CodeContests' largest, with their generated
# tests, are well under this; a bigger one would be read whole into memory before anything could fail.
MAX_RECORD_BYTES = 512 * 1024 * 1024


class ProblemFormatError(UsageError, ValueError):
    """A problem file that cannot be used; the message is one line naming file, problem and field."""


class Language(str, enum.Enum):
    """CodeContests' `Language` enum. Only PYTHON3 and CPP are ever run; the others are kept as data."""

    UNKNOWN_LANGUAGE = "UNKNOWN_LANGUAGE"
    PYTHON = "PYTHON"  # Python 2 in CodeContests
    CPP = "CPP"
    PYTHON3 = "PYTHON3"
    JAVA = "JAVA"

    @property
    def runnable(self) -> bool:
        return self in (Language.PYTHON3, Language.CPP)

    @property
    def extension(self) -> str:
        return {Language.PYTHON3: ".py", Language.CPP: ".cpp", Language.PYTHON: ".py", Language.JAVA: ".java"}.get(
            self, ".txt"
        )

    @classmethod
    def from_extension(cls, suffix: str) -> Language:
        table = {".py": cls.PYTHON3, ".cpp": cls.CPP, ".cc": cls.CPP, ".cxx": cls.CPP}
        if suffix.lower() not in table:
            raise ValueError(f"cannot tell the language of a '{suffix}' file (expected .py or .cpp)")
        return table[suffix.lower()]


# The integer codes of the released dataset (contest_problem.proto).
_LANGUAGE_CODES = {0: Language.UNKNOWN_LANGUAGE, 1: Language.PYTHON, 2: Language.CPP, 3: Language.PYTHON3, 4: Language.JAVA}


def parse_language(value: Any) -> Language:
    if isinstance(value, bool):
        raise ValueError(f"unknown language {value!r}")
    if isinstance(value, int):
        if value not in _LANGUAGE_CODES:
            raise ValueError(f"unknown language code {value} (known: 0-4)")
        return _LANGUAGE_CODES[value]
    if isinstance(value, str):
        try:
            return Language(value.strip().upper())
        except ValueError:
            raise ValueError(f"unknown language {value!r} (known: {', '.join(lang.value for lang in Language)})") from None
    raise ValueError(f"language must be a name or an integer code, not {type(value).__name__}")


def _normalise_text(value: Any) -> Any:
    # Tests copied from Windows-made sources end lines with \r\n; judges compare \n.
    if isinstance(value, str):
        return value.replace("\r\n", "\n")
    if isinstance(value, list):
        return [_normalise_text(v) for v in value]
    return value


LanguageField = Annotated[Language, BeforeValidator(parse_language)]
TestText = Annotated[str, BeforeValidator(_normalise_text)]
# A test's expected output: one string, or a list of accepted alternatives (a project extension).
ExpectedOutput = Annotated[str | tuple[str, ...], BeforeValidator(_normalise_text)]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="ignore", strict=False)


class Tests(_Frozen):
    """Parallel lists of inputs and expected outputs, as in CodeContests."""

    input: tuple[TestText, ...] = ()
    output: tuple[ExpectedOutput, ...] = ()

    @model_validator(mode="after")
    def _same_length(self) -> Tests:
        if len(self.input) != len(self.output):
            raise ValueError(f"has {len(self.input)} inputs but {len(self.output)} outputs")
        return self

    def __len__(self) -> int:
        return len(self.input)

    def pairs(self) -> Iterator[tuple[str, str | tuple[str, ...]]]:
        return iter(zip(self.input, self.output))


class Solutions(_Frozen):
    """Parallel lists of languages and source texts, as in CodeContests."""

    language: tuple[LanguageField, ...] = ()
    solution: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _same_length(self) -> Solutions:
        if len(self.language) != len(self.solution):
            raise ValueError(f"has {len(self.language)} languages but {len(self.solution)} solutions")
        return self

    def __len__(self) -> int:
        return len(self.solution)

    def of(self, language: Language) -> list[str]:
        return [src for lang, src in zip(self.language, self.solution) if lang == language]


class Duration(_Frozen):
    seconds: int = Field(default=0, ge=0)
    nanos: int = Field(default=0, ge=0, lt=1_000_000_000)

    @property
    def total_seconds(self) -> float:
        return self.seconds + self.nanos / 1e9


class Checker(_Frozen):
    """A program deciding acceptance (project extension). It runs in the judge's sandbox with the test's
    input, expected output and the contestant's output as three files named in argv[1:4], and accepts by
    exiting with status 0."""

    language: LanguageField
    source: str

    @field_validator("language")
    @classmethod
    def _runnable(cls, language: Language) -> Language:
        if not language.runnable:  # it could never run: refused now rather than by the judge
            raise ValueError(f"a checker must be PYTHON3 or CPP, not {language.value}")
        return language


class PublicProblem(_Frozen):
    """What prompt builders and sample filtering may see: no hidden tests, no solutions."""

    name: str
    description: str
    public_tests: Tests
    cf_rating: int | None = None
    cf_tags: tuple[str, ...] = ()
    time_limit_seconds: float = DEFAULT_TIME_LIMIT_SECONDS
    memory_limit_bytes: int = DEFAULT_MEMORY_LIMIT_BYTES
    checker: Checker | None = None


class Problem(_Frozen):
    """One problem with everything the file holds. Only evaluation code should hold one of these."""

    name: str = Field(min_length=1)
    description: str = Field(max_length=MAX_STATEMENT_CHARS)
    public_tests: Tests
    private_tests: Tests = Tests()
    generated_tests: Tests = Tests()
    solutions: Solutions = Solutions()
    incorrect_solutions: Solutions = Solutions()
    cf_rating: int | None = Field(default=None, ge=0)
    cf_tags: tuple[str, ...] = ()
    difficulty: int | str | None = None
    time_limit: Duration | None = None
    memory_limit_bytes: int | None = Field(default=None, ge=MIN_MEMORY_LIMIT_BYTES, le=MAX_MEMORY_LIMIT_BYTES)
    source: int | str | None = None
    cf_contest_id: int | None = None
    cf_index: str | None = None
    checker: Checker | None = None

    @model_validator(mode="before")
    @classmethod
    def _nulls_are_empty(cls, data: Any) -> Any:
        # The released dataset writes null for absent optional lists; treat null as "not given".
        if isinstance(data, dict):
            data = {k: v for k, v in data.items() if not (v is None and k in _NULLABLE_AS_EMPTY)}
        return data

    @field_validator("time_limit")
    @classmethod
    def _runnable_time_limit(cls, limit: Duration | None) -> Duration | None:
        if limit is not None and limit.total_seconds > MAX_TIME_LIMIT_SECONDS:
            raise ValueError(f"{limit.total_seconds:g} s is over the {MAX_TIME_LIMIT_SECONDS} s the sandbox allows")
        return limit

    @property
    def time_limit_seconds(self) -> float:
        if self.time_limit is None or self.time_limit.total_seconds <= 0:
            return DEFAULT_TIME_LIMIT_SECONDS
        return self.time_limit.total_seconds

    @property
    def memory_limit(self) -> int:
        return self.memory_limit_bytes or DEFAULT_MEMORY_LIMIT_BYTES

    @property
    def hidden_tests(self) -> Tests:
        """Private then generated tests: what a submission is finally judged on."""
        return Tests(
            input=self.private_tests.input + self.generated_tests.input,
            output=self.private_tests.output + self.generated_tests.output,
        )

    def public_view(self) -> PublicProblem:
        return PublicProblem(
            name=self.name,
            description=self.description,
            public_tests=self.public_tests,
            cf_rating=self.cf_rating,
            cf_tags=self.cf_tags,
            time_limit_seconds=self.time_limit_seconds,
            memory_limit_bytes=self.memory_limit,
            checker=self.checker,
        )


_NULLABLE_AS_EMPTY = {
    "private_tests", "generated_tests", "solutions", "incorrect_solutions", "cf_tags", "time_limit",
}  # fmt: skip


# --------------------------------------------------------------------------------------------------- loading


def _describe(error: ValidationError) -> tuple[str, str]:
    first = error.errors()[0]
    field = ".".join(str(part) for part in first["loc"]) or "(record)"
    message = first["msg"].removeprefix("Value error, ")
    if first["type"] == "missing":
        message = "missing"
    return field, message


def parse_problem(record: Any, where: str) -> Problem:
    """Validate one decoded JSON record. `where` names the file (and line) for the error message."""
    if not isinstance(record, dict):
        raise ProblemFormatError(f"{where}: expected a JSON object, got {type(record).__name__}")
    name = record.get("name") if isinstance(record.get("name"), str) else "?"
    try:
        return Problem.model_validate(record)
    except ValidationError as error:
        field, message = _describe(error)
        raise ProblemFormatError(f"{where}: problem '{name}': field '{field}': {message}") from None
    except RecursionError:
        raise ProblemFormatError(f"{where}: problem '{name}': nested too deeply") from None


def _read_text(path: Path) -> str:
    try:
        if path.suffix == ".json" and path.stat().st_size > MAX_RECORD_BYTES:  # refused before it is read
            raise ProblemFormatError(f"{path}: {path.stat().st_size:,} bytes; a problem may hold at most "
                                     f"{MAX_RECORD_BYTES:,}")  # fmt: skip
        return path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as error:
        raise ProblemFormatError(f"{path}: not UTF-8 (byte {error.start})") from None
    except OSError as error:
        raise ProblemFormatError(f"{path}: cannot read: {error.strerror}") from None


def _decode(text: str, where: str, position: str) -> Any:
    """One JSON record; `position` names where an error is ('line' for a whole file, 'column' for a JSONL line)."""
    if len(text) > MAX_RECORD_BYTES:
        raise ProblemFormatError(f"{where}: {len(text):,} characters; a problem may hold at most {MAX_RECORD_BYTES:,}")
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        at = error.lineno if position == "line" else error.colno
        raise ProblemFormatError(f"{where}: invalid JSON: {error.msg} ({position} {at})") from None
    except RecursionError:  # the decoder recurses once per level of [ or {
        raise ProblemFormatError(f"{where}: invalid JSON: nested too deeply") from None


def _load_file(path: Path) -> list[Problem]:
    text = _read_text(path)
    if path.suffix == ".jsonl":
        return [
            parse_problem(_decode(line, f"{path}:{number}", "column"), f"{path}:{number}")
            for number, line in enumerate(text.splitlines(), start=1)
            if line.strip()
        ]
    return [parse_problem(_decode(text, str(path), "line"), str(path))]


def load_problems(path: str | Path) -> list[Problem]:
    """Load a .json file (one problem), a .jsonl file (one per line), or a directory of either.

    All files are validated before anything is returned, so a caller never acts on half a set.
    """
    path = Path(path)
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.suffix in (".json", ".jsonl") and p.is_file())
        if not files:
            raise ProblemFormatError(f"{path}: no .json or .jsonl problem files in this directory")
    elif path.is_file():
        if path.suffix not in (".json", ".jsonl"):
            raise ProblemFormatError(f"{path}: expected a .json or .jsonl problem file")
        files = [path]
    else:
        raise ProblemFormatError(f"{path}: no such file or directory")
    problems = [problem for file in files for problem in _load_file(file)]
    seen: dict[str, int] = {}
    for problem in problems:
        seen[problem.name] = seen.get(problem.name, 0) + 1
    duplicates = sorted(name for name, count in seen.items() if count > 1)
    if duplicates:
        raise ProblemFormatError(f"{path}: problem names must be unique; repeated: {', '.join(duplicates[:5])}")
    return problems


def load_problem(path: str | Path) -> Problem:
    """Load exactly one problem (a .json file, or a .jsonl file holding one record)."""
    problems = load_problems(path)
    if len(problems) != 1:
        raise ProblemFormatError(f"{path}: expected one problem, found {len(problems)}")
    return problems[0]
