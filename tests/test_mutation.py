"""Mutated test inputs keep their example's structure and are distinct."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from test_generator.mutation import mutate_inputs, structure

EXAMPLES = ["5\n1 2 3 4 5\n", "3\nabc\nxyz\nabd\n", "2\n0.5 1.25\n-3 7\n"]


def test_mutants_keep_structure_and_are_new():
    for example in EXAMPLES:
        mutants = mutate_inputs([example], 20, seed=1)
        assert len(mutants) == len(set(mutants)) >= 10
        assert example not in mutants
        assert all(structure(m) == structure(example) for m in mutants)


def test_counts_are_left_alone():
    mutants = mutate_inputs(["5\n1 2 3 4 5\n"], 30, seed=2)
    assert all(m.split("\n")[0] == "5" for m in mutants)


def test_deterministic_under_a_seed():
    assert mutate_inputs(EXAMPLES, 15, seed=7) == mutate_inputs(EXAMPLES, 15, seed=7)
    assert mutate_inputs(EXAMPLES, 15, seed=7) != mutate_inputs(EXAMPLES, 15, seed=8)


def test_nothing_to_mutate():
    assert mutate_inputs(["", "\n"], 5) == []
    assert mutate_inputs(["1\n"], 0) == []


token = st.one_of(
    st.integers(min_value=-(10**12), max_value=10**12).map(str),
    st.text(alphabet="abcxyzAB#.", min_size=1, max_size=8).filter(lambda t: not t.replace(".", "").isdigit()),
    st.floats(min_value=-1e6, max_value=1e6, allow_nan=False).map(lambda f: f"{f:.3f}"),
)
line = st.lists(token, min_size=0, max_size=6).map(" ".join)
text = st.lists(line, min_size=1, max_size=6).map(lambda lines: "\n".join(lines) + "\n")


@settings(max_examples=150, deadline=None)
@given(st.lists(text, min_size=1, max_size=3), st.integers(min_value=0, max_value=2**16))
def test_property_structure_and_distinctness(examples, seed):
    mutants = mutate_inputs(examples, 10, seed=seed)
    assert len(mutants) == len(set(mutants))
    assert not set(mutants) & set(examples)
    shapes = {structure(e) for e in examples}
    assert all(structure(m) in shapes for m in mutants)
