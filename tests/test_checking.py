"""Output comparison rules, each checked in both directions (a rule that accepts must also reject)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from solver.checking import checker_program, checker_stdin, compare, normalise
from solver.problem import Checker, Language


@pytest.mark.parametrize(
    "expected, actual",
    [
        ("3\n", "3"),  # trailing newline
        ("1 2 3\n", "1\n2\n3\n\n"),  # any whitespace between tokens
        ("  a b", "a\tb   "),
        ("YES\n", "yes\n"),  # words are case-insensitive
        ("Yes", "yEs"),
        ("123456789012345678901234567890", "123456789012345678901234567890"),  # big integers exactly
        ("-0", "0"),
        ("0.333333", "0.3333333333"),  # real within 1e-6 absolute
        ("1000000000.5", "1000000000.9"),  # real within 1e-6 relative
        ("2.5e3", "2500.0000004"),
        ("3", "3.0000000001"),  # the expected real answer happened to be printed as an integer
        ("", "\n\n"),
    ],
)
def test_accepted(expected, actual):
    assert compare(expected, actual).ok
    assert compare(expected, actual.encode()).ok


@pytest.mark.parametrize(
    "expected, actual, reason",
    [
        ("3", "4", "token 1"),
        ("1 2", "1 2 3", "expected 2 tokens, got 3"),
        ("1 2 3", "1 2", "expected 3 tokens, got 2"),
        ("YES", "YES!", "token 1"),
        ("123456789012345678901234567890", "123456789012345678901234567891", "token 1"),  # no float round-trip
        ("9007199254740993", "9007199254740992", "token 1"),  # above 2**53 where doubles merge
        ("3", "3.5", "token 1"),
        ("0.333333", "0.3334", "token 1"),
        ("1000000000.5", "1000002000.5", "token 1"),  # outside relative tolerance (1e-6 of 1e9 is 1000)
        ("1.0", "nan", "token 1"),
        ("1.0", "inf", "token 1"),
        ("abc", "abd", "token 1"),
        ("1", "", "expected 1 tokens, got 0"),
    ],
)
def test_rejected(expected, actual, reason):
    result = compare(expected, actual)
    assert not result.ok and reason in result.reason


def test_several_accepted_outputs():
    assert compare(("1 2", "2 1"), "2 1\n").ok
    assert not compare(("1 2", "2 1"), "1 1").ok
    assert not compare((), "anything").ok


def test_non_utf8_output_is_compared_not_crashed():
    assert not compare("1", b"\xff\xfe").ok


@given(st.lists(st.integers(min_value=-(10**30), max_value=10**30), max_size=20), st.sampled_from([" ", "\n", "\t", "  \n"]))
def test_integer_lists_match_themselves_and_not_a_changed_copy(values, separator):
    text = separator.join(map(str, values))
    assert compare(" ".join(map(str, values)), text).ok
    if values:
        changed = values[:-1] + [values[-1] + 1]
        assert not compare(text, " ".join(map(str, changed))).ok


def test_normalise_groups_equal_outputs():
    assert normalise(b"YES\n1  2\n") == normalise("yes 1\n2") == "yes 1 2"


@pytest.mark.parametrize("language", [Language.PYTHON3, Language.CPP])
def test_checker_wrapper_keeps_the_checker_source(language):
    checker = Checker(language=language, source="// the checker body")
    wrapped_language, wrapped = checker_program(checker)
    assert wrapped_language == language and "the checker body" in wrapped


def test_checker_stdin_is_length_prefixed():
    assert checker_stdin("1\n", "ab", b"\x00x") == b"2\n1\n2\nab2\n\x00x"
