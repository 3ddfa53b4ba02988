"""What a task family is: a generator of Codeforces-style problems that share one idea.

A family draws the parameters of one instance (`draw`), writes its statement (`statement`), makes test inputs
that respect the stated constraints (`make_input`), computes the expected output with an oracle written in
Python (`answer`), and writes reference programs in Python 3 and C++ in several styles (`solutions`) and
plausible wrong ones (`wrong_solutions`). The builder (`problems.families.build`) runs every program in the
sandbox: a reference program that fails is a bug in the family, a wrong one that passes every test is dropped.

Parameters come in two kinds, and the distinction is what makes the families learnable and cheap to verify:
- *code switches*: the few discrete choices a program depends on (input layout, one test or many, a modulus,
  0- or 1-based output, what to print when there is no answer). Keep each to a handful of values, so the
  programs of a family take few distinct texts (each distinct C++ text is compiled once, cached by source).
- *free parameters*: everything else (story, names, constraint bounds, the examples). They change the
  statement, never the program.
"""

from __future__ import annotations

import random
import textwrap
from abc import ABC, abstractmethod
from dataclasses import dataclass
from string import Template
from typing import Any, ClassVar, Literal

Lang = Literal["PYTHON3", "CPP"]
# What a test input is for: "example" (shown in the statement: small and readable), "small" (random, small),
# "edge" (the bounds: n = 1, all equal, the largest values, ...), "large" (near the stated maximum size).
Kind = Literal["example", "small", "edge", "large"]
Params = dict[str, Any]


@dataclass(frozen=True)
class Code:
    """One program. `mistake` says what is wrong with a wrong one: "off by one", "wrong operator",
    "missed edge case", "overflow", "too slow", ... (empty for reference programs)."""

    language: Lang
    source: str
    mistake: str = ""


def _fill(source: str, values: dict[str, Any]) -> str:
    # string.Template's `$NAME` clashes with neither Python nor C++ syntax, unlike str.format's braces.
    return Template(textwrap.dedent(source).strip("\n") + "\n").substitute(values)


def py(source: str, mistake: str = "", **values: Any) -> Code:
    """A Python 3 program from a template: dedented, `$NAME` replaced by `values`."""
    return Code("PYTHON3", _fill(source, values), mistake)


def cpp(source: str, mistake: str = "", **values: Any) -> Code:
    """A C++17 program from a template: dedented, `$NAME` replaced by `values`."""
    return Code("CPP", _fill(source, values), mistake)


@dataclass(frozen=True)
class Statement:
    """The parts of a statement; the builder adds the examples and lays it out as CodeContests does
    (legend, "Input", "Output", "Examples", "Note")."""

    legend: str
    input: str
    output: str
    note: str = ""


class Family(ABC):
    """One task family. Subclasses set the class attributes and implement the six methods; all randomness
    comes from the `rng` passed in, so an instance is a pure function of its seed."""

    name: ClassVar[str]  # snake_case, unique: used in problem names and split lists
    tags: ClassVar[tuple[str, ...]]  # Codeforces tags, e.g. ("math", "greedy")
    rating: ClassVar[int]  # 800..2000, step 100
    time_limit: ClassVar[float] = 2.0  # seconds
    memory_mb: ClassVar[int] = 256
    # How many private tests of each kind an instance gets (examples: 1-3, drawn by the builder).
    tests: ClassVar[dict[str, int]] = {"small": 5, "edge": 3, "large": 1}

    @abstractmethod
    def draw(self, rng: random.Random) -> Params:
        """The instance's parameters: code switches and free parameters (constraint bounds included)."""

    @abstractmethod
    def statement(self, p: Params, rng: random.Random) -> Statement:
        """The legend (a story), the input and output sections with their constraints, an optional note."""

    @abstractmethod
    def make_input(self, p: Params, rng: random.Random, kind: Kind) -> str:
        """One test input within the stated constraints, ending with a newline."""

    @abstractmethod
    def answer(self, p: Params, text: str) -> str:
        """The expected output for input `text` (the oracle; plain Python, may be slow-ish but not brute
        force on large inputs)."""

    @abstractmethod
    def solutions(self, p: Params) -> list[Code]:
        """Reference programs: at least two Python 3 and two C++ ones, in different styles."""

    @abstractmethod
    def wrong_solutions(self, p: Params) -> list[Code]:
        """Plausible wrong programs, each with its `mistake`; at least two. Those that pass every test of an
        instance are dropped by the builder (so a wrong one must fail on some test the family makes)."""

    def checker(self, p: Params) -> str | None:
        """Python source of a checker when several outputs are right (run as `checker INPUT EXPECTED OUTPUT`,
        exit status 0 accepts); None when the answer is unique up to whitespace and case."""
        return None
