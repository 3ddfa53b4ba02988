"""Constraints parsed from statements, and mutation that keeps to them."""

from __future__ import annotations

import pytest

from test_generator.constraints import Constraints, Range, parse_constraints, parse_number
from test_generator.mutation import mutate_inputs, structure


@pytest.mark.parametrize(
    "text, value",
    [("2·10^5", 200000), ("10^{18}", 10**18), ("10<sup>9</sup>", 10**9), ("3,000", 3000), ("109", 10**9),
     ("2·109", 2 * 10**9), ("3 ⋅ 10^5", 300000), ("104", 104), ("-100", -100), ("999999999", 999999999)],
)  # fmt: skip
def test_numbers_as_statements_write_them(text, value):
    assert parse_number(text) == value


def test_ranges_in_three_notations():
    codeforces = "The first line contains n (1 ≤ n ≤ 2·10^5). Then a_1..a_n (0 ≤ a_i ≤ 109), n - 1 ≤ m ≤ 10^5."
    assert [(r.names, r.low, r.high) for r in parse_constraints(codeforces).ranges] == [
        ("n", 1, 200000), ("a_i", 0, 10**9)]  # "n - 1 ≤ m": a bound that is an expression is skipped
    latex = r"$1 \le t \le 10^{4}$ and $-10^9 \leq x_i \leq 10^9$"
    assert [(r.names, r.low, r.high) for r in parse_constraints(latex).ranges] == [
        ("t", 1, 10**4), ("x_i", -(10**9), 10**9)]  # fmt: skip
    hacker_cup = "1 ≤ **N** ≤ 3,000  \n-100 ≤ **X<sub>i</sub>**, **Y<sub>i</sub>** ≤ 100\nAll coordinates are pairwise distinct."
    parsed = parse_constraints(hacker_cup)
    assert [(r.names, r.low, r.high) for r in parsed.ranges] == [("N", 1, 3000), ("Xi, Yi", -100, 100)]
    assert parsed.distinct and not parsed.permutation


def test_bounds_are_the_tightest_range_holding_the_value():
    c = Constraints((Range("n", 1, 100), Range("a", 0, 10**9)), False, False)
    assert c.bounds(5) == (1, 100) and c.bounds(500) == (0, 10**9) and c.bounds(-3) is None


def test_properties_are_checked_only_where_the_example_has_them():
    c = Constraints((), True, True)
    assert not c.accepts("3\n1 2 3\n", "3\n1 1 3\n")  # distinct list broken
    assert not c.accepts("3\n2 3 1\n", "3\n2 3 4\n")  # permutation broken
    assert c.accepts("3\n1 1 3\n", "3\n1 1 1\n")  # the example is not distinct: nothing to keep
    assert not c.accepts("2\n0 0\n1 0\n", "2\n1 0\n1 0\n")  # two equal points in a run of points
    assert c.accepts("1 2\n5\n1 2\n", "1 2\n6\n1 2\n")  # equal lines in different runs are allowed


def test_mutants_keep_to_the_statement():
    statement = "1 ≤ n ≤ 10. Then n distinct integers a_i (1 ≤ a_i ≤ 20)."
    example = "4\n3 7 1 12\n"
    mutants = mutate_inputs([example], 40, seed=3, constraints=parse_constraints(statement))
    assert len(mutants) >= 20
    for m in mutants:
        assert structure(m) == structure(example)
        values = [int(t) for t in m.split("\n")[1].split()]
        assert all(1 <= v <= 20 for v in values) and len(set(values)) == 4


def test_a_grid_keeps_its_alphabet():
    example = "3 4\n#..#\n.#..\n...#\nabc\n"  # the last line is a word of another alphabet
    mutants = mutate_inputs([example], 30, seed=5, constraints=parse_constraints("1 ≤ n, m ≤ 100"))
    assert mutants
    for m in mutants:
        rows = m.split("\n")[1:4]
        assert all(set(row) <= {"#", "."} for row in rows)
    unconstrained = mutate_inputs([example], 60, seed=5)
    assert any(set("".join(m.split("\n")[1:4])) - {"#", "."} for m in unconstrained)  # what the old rule did
