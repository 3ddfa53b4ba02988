"""Test inputs for clustering by mutating a problem's example inputs, as CodeContests made its generated tests.

A mutant keeps the example's structure — the same number of lines, and on every line the same number of tokens of
the same kinds (integer, real, word) — and changes values: integers by ±1 or to a random value within the range of
integers seen in the same column of lines of the same shape (or on any list line, for lines of three or more
integers), two values of such a list swapped, reals slightly, characters of words to other characters
seen in the examples, two characters of a word swapped, lines of the same shape shuffled. Mutants need not be valid
inputs (a changed `n` may no longer match its list), which is why CodeContests kept only those on which correct
solutions agreed; to lower the waste, integers that look like counts of what follows are left alone. Given the
statement's `Constraints` (constraints.py), a changed integer stays within the tightest parsed range holding its
original value (sometimes one of its edges, sometimes drawn anywhere in it, log-uniformly), characters change only to characters seen in the
same column of lines of the same shape (a grid keeps its alphabet), and a mutant that breaks a property its
example has ("distinct", a permutation) is not kept.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass

from test_generator.constraints import Constraints

_INT = re.compile(r"[+-]?\d+")
_REAL = re.compile(r"[+-]?(\d+\.\d*|\.\d+|\d+)([eE][+-]?\d+)?")
_SPLIT = re.compile(r"(\s+)")


def token_kind(token: str) -> str:
    if _INT.fullmatch(token):
        return "int"
    if _REAL.fullmatch(token):
        return "real"
    return "word"


def shape(line: str) -> tuple[str, ...]:
    """A line's structure: the kinds of its tokens in order."""
    return tuple(token_kind(t) for t in line.split())


def structure(text: str) -> tuple[tuple[str, ...], ...]:
    """An input's structure: the shape of every line (what every mutant of it keeps)."""
    return tuple(shape(line) for line in text.split("\n"))


@dataclass
class _Line:
    parts: list[str]  # alternating tokens and the whitespace between them, as re.split with a group gives
    shape: tuple[str, ...]

    @property
    def token_positions(self) -> list[int]:
        return [i for i, part in enumerate(self.parts) if part and not part.isspace()]

    def text(self) -> str:
        return "".join(self.parts)


def _parse(text: str) -> list[_Line]:
    return [_Line(_SPLIT.split(line), shape(line)) for line in text.split("\n")]


@dataclass(frozen=True)
class _Seen:
    """What the examples show about each column of each line shape, and which characters words use."""

    int_range: dict[tuple, tuple[int, int]]
    alphabet: str
    alphabets: dict[tuple, str]  # per (line shape, column, word length): the characters seen there (grid rows)
    constraints: Constraints | None = None


def _column(shape: tuple[str, ...], column: int) -> tuple:
    """Which integers share a range: a line of three or more integers is a list whose values are alike wherever
    they stand (and lists differ in length from example to example); otherwise each column of each line shape."""
    if len(shape) > 2 and all(kind == "int" for kind in shape):
        return ("list",)
    return (shape, column)


def _survey(inputs: Sequence[str], constraints: Constraints | None = None) -> _Seen:
    int_range: dict[tuple, tuple[int, int]] = {}
    chars: set[str] = set()
    by_column: dict[tuple, set[str]] = {}
    for text in inputs:
        for line in _parse(text):
            for column, position in enumerate(line.token_positions):
                token = line.parts[position]
                if line.shape[column] == "int":
                    value = int(token)
                    key = _column(line.shape, column)
                    low, high = int_range.get(key, (value, value))
                    int_range[key] = (min(low, value), max(high, value))
                elif line.shape[column] == "word":
                    chars.update(token)
                    by_column.setdefault((line.shape, column, len(token)), set()).update(token)
    alphabets = {key: "".join(sorted(seen)) for key, seen in by_column.items()}
    return _Seen(int_range, "".join(sorted(chars)) or "abcdefghijklmnopqrstuvwxyz", alphabets, constraints)


def _protected(lines: list[_Line]) -> set[tuple[int, int]]:
    """(line, column) of integers that look like counts: equal to the number of tokens on the next line, or to the
    number of lines that follow (with or without a blank last line)."""
    protected = set()
    non_empty = [i for i, line in enumerate(lines) if line.shape]
    for index, line in enumerate(lines):
        following = sum(1 for i in non_empty if i > index)
        next_len = len(lines[index + 1].shape) if index + 1 < len(lines) else -1
        for column, position in enumerate(line.token_positions):
            if line.shape[column] == "int":
                value = int(line.parts[position])
                if value in (next_len, following) or (following and value > 0 and following % value == 0 and value > 1):
                    protected.add((index, column))
    return protected


def _mutate_int(token: str, rng: random.Random, bounds: tuple[int, int], allowed: tuple[int, int] | None = None) -> str:
    value = int(token)
    low, high = bounds
    if allowed is not None and allowed[0] < allowed[1]:
        draw = rng.random()
        if draw < 0.1:  # the edges of the range: where off-by-one and special-case bugs live
            return str(rng.choice((allowed[0], allowed[0] + 1, allowed[1])))
        if draw < 0.3:
            return str(_log_uniform(rng, *allowed))
    if rng.random() < 0.5 or low == high:
        new = value + rng.choice((-1, 1))
        # Stay non-negative when every example value was: a negative size is rarely a valid input.
        if low >= 0 and new < 0:
            new = value + 1
    else:
        new = rng.randint(low, high)
    if allowed is not None:  # the statement's range wins over what the examples happen to show
        new = min(max(new, allowed[0]), allowed[1])
    return str(new)


def _log_uniform(rng: random.Random, low: int, high: int) -> int:
    """A value in [low, high], small magnitudes as likely as large ones (a range up to 10^9 is mostly huge)."""
    if low >= 0:
        return min(high, low + int(10 ** rng.uniform(0, len(str(high - low)))) - 1)
    return rng.randint(low, high) if high - low < 1000 else rng.choice((low, high, 0 if low <= 0 <= high else low))


def _mutate_real(token: str, rng: random.Random) -> str:
    decimals = len(token.split(".")[1]) if "." in token and "e" not in token.lower() else 6
    value = float(token) * rng.uniform(0.5, 1.5) + rng.uniform(-1, 1)
    if float(token) >= 0:
        value = abs(value)
    return f"{value:.{decimals}f}"


def _mutate_word(token: str, rng: random.Random, alphabet: str) -> str:
    chars = list(token)
    if len(chars) >= 2 and rng.random() < 0.4:
        i, j = rng.sample(range(len(chars)), 2)
        chars[i], chars[j] = chars[j], chars[i]
    else:
        # Keep the character class when possible (a digit stays a digit, a letter a letter of the same case).
        i = rng.randrange(len(chars))
        same_class = [c for c in alphabet if (c.isdigit(), c.isupper(), c.isalpha()) == (chars[i].isdigit(), chars[i].isupper(), chars[i].isalpha())]
        chars[i] = rng.choice(same_class or alphabet)
    return "".join(chars)


def _shuffle_key(line: _Line, constrained: bool) -> tuple:
    """Lines that may trade places: the same shape; under constraints also words of the same lengths (grid rows
    trade places with grid rows, not with a word that follows the grid)."""
    if not constrained:
        return line.shape
    words = tuple(len(line.parts[p]) for c, p in enumerate(line.token_positions) if line.shape[c] == "word")
    return (line.shape, words)


def mutate_once(text: str, rng: random.Random, seen: _Seen, n_changes: int) -> str:
    lines = _parse(text)
    protected = _protected(lines)
    values = [(i, c) for i, line in enumerate(lines) for c in range(len(line.shape)) if (i, c) not in protected]
    for _ in range(n_changes):
        keys = [_shuffle_key(line, seen.constraints is not None) for line in lines]
        # Under constraints a count never moves: a shuffled "T" makes the rest of the input unreadable.
        fixed = {i for i, _ in protected} if seen.constraints is not None else set()
        same_shape = [i for i, line in enumerate(lines)
                      if line.shape and i not in fixed and sum(keys[j] == keys[i] for j in range(len(lines)) if j not in fixed) > 1]  # fmt: skip
        if same_shape and rng.random() < 0.15:
            chosen_key = keys[rng.choice(same_shape)]  # drawn once: the group is one shape's lines
            group = [i for i in same_shape if keys[i] == chosen_key]
            texts = [lines[i].text() for i in group]
            rng.shuffle(texts)
            for i, new in zip(group, texts):
                lines[i] = _Line(_SPLIT.split(new), lines[i].shape)
            continue
        if not values:
            break
        index, column = rng.choice(values)
        line = lines[index]
        position = line.token_positions[column]
        token = line.parts[position]
        kind = line.shape[column]
        if kind == "int":
            if len(line.shape) > 2 and rng.random() < 0.25:  # swap two values of a list: order matters to many bugs
                other = line.token_positions[rng.choice([c for c in range(len(line.shape)) if c != column])]
                if (index, line.token_positions.index(other)) not in protected and token_kind(line.parts[other]) == kind:
                    line.parts[position], line.parts[other] = line.parts[other], token
                    continue
            allowed = seen.constraints.bounds(int(token)) if seen.constraints is not None else None
            new = _mutate_int(token, rng, seen.int_range.get(_column(line.shape, column), (int(token),) * 2), allowed)
        elif kind == "real":
            new = _mutate_real(token, rng)
        else:
            alphabet = seen.alphabets.get((line.shape, column, len(token)), "") if seen.constraints is not None else ""
            new = _mutate_word(token, rng, alphabet or seen.alphabet)
        if token_kind(new) == kind:  # e.g. a word "1-" must not become the real "1."
            line.parts[position] = new
    return "\n".join(line.text() for line in lines)


def mutate_inputs(
    inputs: Sequence[str], count: int, seed: int = 0, max_changes: int = 3, constraints: Constraints | None = None
) -> list[str]:
    """Up to `count` distinct inputs, each an example input with 1..max_changes mutations; never an example itself.
    With `constraints`, mutants keep to the statement's ranges and properties."""
    examples = [text for text in inputs if text.strip()]
    if not examples or count <= 0:
        return []
    rng = random.Random(seed)
    seen = _survey(examples, constraints)
    out: list[str] = []
    known = set(examples)
    for _ in range(count * 30):  # an input with little to vary may not have `count` distinct mutants
        base = rng.choice(examples)
        mutant = mutate_once(base, rng, seen, rng.randint(1, max_changes))
        if constraints is not None and not constraints.accepts(base, mutant):
            continue
        if mutant not in known:
            known.add(mutant)
            out.append(mutant)
            if len(out) == count:
                break
    return out
