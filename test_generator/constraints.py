"""Constraints read from a problem statement, for mutation that stays within them.

Mutating an example's surface (a number moved, a character changed) easily leaves the problem's input space, and
correct programs disagree on invalid inputs, which splits them apart in clustering. What a statement says about
its inputs is parsed here, loosely and conservatively:
- ranges "1 ≤ n ≤ 2·10^5", "0 <= a_i <= 10^9", "-100 ≤ X, Y ≤ 100" in the notations of Codeforces (including
  CodeContests' flattened "109" for 10^9), LaTeX (`\\le`, `10^{18}`) and Hacker Cup's markdown (`**N**`,
  `<sub>`, `<sup>`, "3,000");
- "distinct" and "permutation", which a mutant must not break where its example satisfied them.
A mutated integer keeps to the tightest parsed range containing its original value (no variable binding: the
value is the link). Properties are checked only where the example itself has them, so a misreading never rejects
an input the example would allow.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_TIMES = r"(?:·|⋅|\*|×|\\cdot|\\times)"
_POWER = r"10\s*(?:\^|<sup>)\s*\{?\d+\}?(?:</sup>)?"
# Longest forms first: a regex alternation takes the first that matches ("10" of "10^9" would do).
_NUMBER = rf"-?\d[\d,]*\s*{_TIMES}\s*(?:{_POWER}|10\d{{1,2}}\b)|-?{_POWER}|-?\d[\d,]*"
_LE = r"(?:≤|<=|\\le(?:q)?|&le;|<(?!sup|sub|/))"
_RANGE = re.compile(rf"(?P<low>{_NUMBER})\s*{_LE}\s*(?P<names>[^≤<>=\n]{{1,60}}?)\s*{_LE}\s*(?P<high>{_NUMBER})")
_MARKUP = re.compile(r"\*\*|\$|<sub>|</sub>|\\mathrm|\\text|[{}]")
_FLAT_POWER = re.compile(r"^(\d?)10(\d{1,2})$")  # CodeContests lost the superscript: "109" was 10^9


def parse_number(text: str) -> int | None:
    """An integer as statements write it: "2·10^5", "10<sup>9</sup>", "3,000", "109" (= 10^9), "-100"."""
    text = text.replace(" ", "").replace("<sup>", "^").replace("</sup>", "").replace("{", "").replace("}", "")
    text = re.sub(r"\\cdot|\\times|·|⋅|×|\*", "*", text)
    negative = text.startswith("-")
    text = text.lstrip("-")
    try:
        if "^" in text:
            mantissa, _, exponent = text.partition("^")
            base = mantissa.split("*")[0] if "*" in mantissa else ""
            if int(exponent) < 0:
                return None
            power = 10 ** int(exponent)
            value = int(base.replace(",", "")) * power if base else power
        elif "*" in text:  # "2·109": a flattened 2·10^9
            base, _, rest = text.partition("*")
            flat = _FLAT_POWER.match(rest)
            if not flat or flat.group(1):
                return None
            value = int(base.replace(",", "")) * 10 ** int(flat.group(2))
        else:
            digits = text.replace(",", "")
            flat = _FLAT_POWER.match(digits)
            # "105", "109", "2·109" in CodeContests' text were 10^5, 10^9, 2·10^9; 100..104 are left as written.
            if flat and int(flat.group(2)) >= 5:
                value = int(flat.group(1) or 1) * 10 ** int(flat.group(2))
            else:
                value = int(digits)
    except ValueError:
        return None
    return -value if negative else value


@dataclass(frozen=True)
class Range:
    names: str  # the text between the bounds, for reports ("n", "a_i", "X_i, Y_i")
    low: int
    high: int


@dataclass(frozen=True)
class Constraints:
    ranges: tuple[Range, ...]
    distinct: bool  # the statement says some values are distinct
    permutation: bool  # the statement speaks of a permutation

    def bounds(self, value: int) -> tuple[int, int] | None:
        """The tightest parsed range holding `value`, or None when none does."""
        holding = [r for r in self.ranges if r.low <= value <= r.high]
        if not holding:
            return None
        return max(r.low for r in holding), min(r.high for r in holding)

    def accepts(self, example: str, mutant: str) -> bool:
        """False when the mutant breaks a property its example has (distinct lists or lines, a permutation)."""
        for (old, new) in zip(example.split("\n"), mutant.split("\n")):
            old_tokens, new_tokens = old.split(), new.split()
            if len(old_tokens) >= 2 and (self.distinct or self.permutation):
                if len(set(old_tokens)) == len(old_tokens) and len(set(new_tokens)) < len(new_tokens):
                    return False
            if self.permutation and old_tokens and all(t.isdigit() for t in old_tokens):
                if sorted(map(int, old_tokens)) == list(range(1, len(old_tokens) + 1)):
                    if sorted(int(t) for t in new_tokens if t.isdigit()) != list(range(1, len(new_tokens) + 1)):
                        return False
        if self.distinct:
            # Runs of consecutive lines of two or more tokens (points, pairs): distinct where the example's are.
            for old_run, new_run in zip(_runs(example), _runs(mutant)):
                if len(set(old_run)) == len(old_run) and len(set(new_run)) < len(new_run):
                    return False
        return True


def _runs(text: str) -> list[list[str]]:
    """Maximal runs of consecutive lines with the same number (two or more) of tokens."""
    runs: list[list[str]] = []
    previous = -1
    for line in text.split("\n"):
        width = len(line.split())
        if width >= 2 and width == previous:
            runs[-1].append(" ".join(line.split()))
        elif width >= 2:
            runs.append([" ".join(line.split())])
        previous = width
    return runs


def parse_constraints(statement: str) -> Constraints:
    text = _MARKUP.sub("", statement).replace("\u2009", " ").replace("\xa0", " ")
    ranges = []
    for match in _RANGE.finditer(text):
        low, high = parse_number(match.group("low")), parse_number(match.group("high"))
        names = " ".join(match.group("names").split())
        # "n - 1 ≤ m", "n-1 ≤ m": the bound is an expression, not a number ("and -10^9 ≤ x" is a number).
        adjacent, before = text[match.start() - 1 : match.start()], text[: match.start()].rstrip()[-1:]
        if adjacent.isalnum() or before in ("+", "-", "*", "/", "_"):
            continue
        if low is None or high is None or low > high or not re.search(r"[A-Za-z]", names):
            continue
        ranges.append(Range(names, low, high))
    lowered = text.lower()
    return Constraints(tuple(ranges), "distinct" in lowered, "permutation" in lowered)
