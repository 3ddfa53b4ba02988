"""AlphaCode's prompt: the header's exact format, that only the public view reaches it, explicit truncation
of prompts and programs, and random sampling metadata."""

from __future__ import annotations

import itertools
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from solver.model.prompt import (
    DECODER_TOKENS,
    ENCODER_TOKENS,
    LANGUAGE_NAMES,
    RATINGS,
    EncodedText,
    PromptSpec,
    TruncationReport,
    build_prompt,
    encode_program,
    encode_prompt,
    load_common_tags,
    program_text,
    prompt_header,
    sample_spec,
    spec_from_problem,
    split_prompt,
)
from solver.model.tokenizer import BOS_ID, EOS_ID, PAD_ID, decode_text, encode_text, train_tokenizer
from solver.problem import Language, Problem, PublicProblem
from solver.problem import Tests as ExampleTests  # renamed: pytest would try to collect a class named Test*

STATEMENT = """You are given an array of n integers. Find the largest one.

Input

The first line contains n (1 ≤ n ≤ 10^5). The second line contains a_1, …, a_n.

Output

Print the maximum.

Example

Input

3
1 5 2

Output

5
"""
PROGRAM = "n = int(input())\nprint(max(map(int, input().split())))\n"

# The Codeforces tag vocabulary (codeforces.com/problemset), for checking the packaged tag sets.
CODEFORCES_TAGS = {
    "2-sat", "binary search", "bitmasks", "brute force", "chinese remainder theorem", "combinatorics",
    "constructive algorithms", "data structures", "dfs and similar", "divide and conquer", "dp", "dsu",
    "expression parsing", "fft", "flows", "games", "geometry", "graph matchings", "graphs", "greedy", "hashing",
    "implementation", "interactive", "math", "matrices", "meet-in-the-middle", "number theory", "probabilities",
    "schedules", "shortest paths", "sortings", "string suffix structures", "strings", "ternary search", "trees",
    "two pointers",
}  # fmt: skip


@pytest.fixture(scope="module")
def tokenizer(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("prompt-corpus")
    for i in range(4):
        (root / f"statement{i}.txt").write_text(STATEMENT.replace("largest", f"item {i}") * 4, encoding="utf-8")
        (root / f"solution{i}.py").write_text(PROGRAM * 5, encoding="utf-8")
    (root / "headers.txt").write_text(
        "RATING: 1200\nTAGS: dp,implementation\nLANGUAGE IS python3\nCORRECT SOLUTION\n" * 10, encoding="utf-8"
    )
    return train_tokenizer([root], vocab_size=400).tokenizer


def _public(description: str = STATEMENT, **fields) -> PublicProblem:
    examples = ExampleTests(input=("3\n1 5 2\n",), output=("5\n",))
    return PublicProblem(name="p", description=description, public_tests=examples, **fields)


# ------------------------------------------------------------------------------------------- header


def test_header_matches_figure_5_exactly() -> None:
    spec = PromptSpec(rating=1200, tags=("dp", "implementation"), language=Language.PYTHON3)
    assert build_prompt(_public("Statement."), spec) == (
        "RATING: 1200\nTAGS: dp,implementation\nLANGUAGE IS python3\nCORRECT SOLUTION\nStatement."
    )


def test_header_variants() -> None:
    cpp = PromptSpec(rating=3500, tags=("dfs and similar", "graphs"), language=Language.CPP, correct=False)
    assert prompt_header(cpp) == "RATING: 3500\nTAGS: dfs and similar,graphs\nLANGUAGE IS cpp\nINCORRECT SOLUTION\n"
    # Unknown metadata leaves its line out rather than inventing a value.
    bare = PromptSpec(rating=None, tags=(), language=Language.PYTHON3)
    assert prompt_header(bare) == "LANGUAGE IS python3\nCORRECT SOLUTION\n"


def test_statement_kept_apart_from_line_endings() -> None:
    spec = PromptSpec(rating=None, tags=(), language=Language.CPP)
    raw = "  Indented first line\r\nsecond\rthird\n\n  $$x_i$$ \t\n"
    expected = "  Indented first line\nsecond\nthird\n\n  $$x_i$$ \t\n"
    assert build_prompt(_public(raw), spec) == prompt_header(spec) + expected


def test_spec_from_problem_uses_true_metadata_sorted() -> None:
    problem = _public(cf_rating=1700, cf_tags=("greedy", "dp"))
    assert spec_from_problem(problem, Language.CPP, correct=False) == PromptSpec(
        rating=1700, tags=("dp", "greedy"), language=Language.CPP, correct=False
    )
    assert spec_from_problem(_public(cf_rating=0), Language.PYTHON3).rating is None  # CodeContests' "unrated"


@pytest.mark.parametrize(
    ("fields", "error"),
    [
        ({"rating": 0}, ValueError),
        ({"rating": -100}, ValueError),
        ({"rating": True}, ValueError),
        ({"rating": "1200"}, ValueError),
        ({"tags": ["dp"]}, TypeError),
        ({"tags": ("dp,greedy",)}, ValueError),
        ({"tags": ("dp\nCORRECT SOLUTION",)}, ValueError),
        ({"tags": ("",)}, ValueError),
        ({"language": Language.UNKNOWN_LANGUAGE}, ValueError),
        ({"correct": 1}, TypeError),
    ],
)
def test_spec_rejects_bad_fields(fields: dict, error: type[Exception]) -> None:
    base = {"rating": 1200, "tags": ("dp",), "language": Language.PYTHON3}
    with pytest.raises(error, match="PromptSpec"):
        PromptSpec(**(base | fields))


def test_split_prompt_inverts_build_prompt() -> None:
    for spec in (PromptSpec(800, ("math",), Language.CPP), PromptSpec(None, (), Language.PYTHON3, correct=False)):
        text = build_prompt(_public(), spec)
        assert split_prompt(text) == (prompt_header(spec), STATEMENT)
    with pytest.raises(ValueError, match="prompt header"):
        split_prompt(STATEMENT)


# ------------------------------------------------------------------------------------------- who sees what

MARKERS = ("PRIVATE_IN_7f3a", "PRIVATE_OUT_7f3a", "GENERATED_IN_7f3a", "GENERATED_OUT_7f3a",
           "SOLUTION_7f3a", "INCORRECT_7f3a", "SOURCE_7f3a")  # fmt: skip


def _full_problem() -> Problem:
    return Problem.model_validate({
        "name": "secret-keeper",
        "description": STATEMENT,
        "public_tests": {"input": ["3\n1 5 2\n"], "output": ["5\n"]},
        "private_tests": {"input": ["PRIVATE_IN_7f3a\n"], "output": ["PRIVATE_OUT_7f3a\n"]},
        "generated_tests": {"input": ["GENERATED_IN_7f3a\n"], "output": ["GENERATED_OUT_7f3a\n"]},
        "solutions": {"language": [3], "solution": ["print('SOLUTION_7f3a')"]},
        "incorrect_solutions": {"language": [2], "solution": ["// INCORRECT_7f3a"]},
        "source": "SOURCE_7f3a",
        "cf_rating": 1500,
        "cf_tags": ["math", "greedy"],
    })  # fmt: skip


def test_prompts_never_contain_hidden_data() -> None:
    problem = _full_problem()
    public = problem.public_view()
    specs = [
        PromptSpec(rating, tags, language, correct)
        for rating, tags, language, correct in itertools.product(
            (None, 800, 3500), ((), ("dp",), load_common_tags()[-1]), LANGUAGE_NAMES, (True, False)
        )
    ]
    specs += [spec_from_problem(public, language) for language in LANGUAGE_NAMES]
    rng = random.Random(0)
    specs += [sample_spec(rng, None) for _ in range(20)]
    for spec in specs:
        prompt = build_prompt(public, spec)
        assert STATEMENT in prompt
        for marker in MARKERS:
            assert marker not in prompt, (marker, spec)


def test_a_full_problem_is_refused() -> None:
    problem = _full_problem()
    spec = PromptSpec(1200, ("dp",), Language.PYTHON3)
    with pytest.raises(TypeError, match="PublicProblem"):
        build_prompt(problem, spec)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="PublicProblem"):
        spec_from_problem(problem, Language.PYTHON3)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="PublicProblem"):
        build_prompt(problem.model_dump(), spec)  # type: ignore[arg-type]


# ------------------------------------------------------------------------------------------- encoding


def test_short_prompt_is_not_truncated(tokenizer) -> None:
    text = build_prompt(_public(), PromptSpec(1200, ("dp",), Language.PYTHON3))
    encoded = encode_prompt(tokenizer, text)
    assert not encoded.truncated and encoded.n_cut == 0 and encoded.n_original == len(encoded.ids) <= ENCODER_TOKENS
    assert decode_text(tokenizer, encoded.ids) == text


def test_long_prompt_keeps_its_header_and_reports_the_cut(tokenizer) -> None:
    spec = PromptSpec(2400, ("dfs and similar", "graphs", "trees"), Language.CPP, correct=False)
    header = prompt_header(spec)
    text = build_prompt(_public(STATEMENT * 20), spec)
    header_ids = encode_text(tokenizer, header)
    window = len(header_ids) + 50
    encoded = encode_prompt(tokenizer, text, max_tokens=window)
    assert encoded.truncated and len(encoded.ids) == window
    assert encoded.n_original > window and encoded.n_cut == encoded.n_original - window
    assert encoded.ids[: len(header_ids)] == tuple(header_ids)
    decoded = decode_text(tokenizer, encoded.ids)
    assert decoded.startswith(header) and text.startswith(decoded.rstrip("\ufffd"))
    # The full window leaves this prompt whole.
    assert not encode_prompt(tokenizer, text, max_tokens=encoded.n_original).truncated


def test_a_huge_statement_is_cut_before_tokenising_with_the_same_ids(tokenizer) -> None:
    """A statement of ~1.4M characters is tokenised only in part (whole, it cost minutes and gigabytes per prompt),
    and the window gets exactly the ids the whole statement's tokenisation starts with."""
    spec = PromptSpec(1200, ("dp",), Language.PYTHON3)
    statement = STATEMENT * (1_400_000 // len(STATEMENT))
    text = build_prompt(_public(statement), spec)
    encoded = encode_prompt(tokenizer, text)
    header_ids = encode_text(tokenizer, prompt_header(spec))
    whole = encode_text(tokenizer, split_prompt(text)[1])
    assert encoded.truncated and len(encoded.ids) == ENCODER_TOKENS
    assert encoded.ids == (*header_ids, *whole[: ENCODER_TOKENS - len(header_ids)])
    assert len(header_ids) < encoded.n_original < len(header_ids) + len(whole)  # the part that was tokenised


def test_prompt_window_smaller_than_header_is_an_error(tokenizer) -> None:
    text = build_prompt(_public(), PromptSpec(1200, ("dp",), Language.PYTHON3))
    with pytest.raises(ValueError, match="header"):
        encode_prompt(tokenizer, text, max_tokens=3)
    with pytest.raises(ValueError, match="max_tokens"):
        encode_prompt(tokenizer, text, max_tokens=0)


@settings(max_examples=100, deadline=None)
@given(statement=st.text(max_size=300), window=st.integers(min_value=0, max_value=120))
def test_prompt_truncation_property(tokenizer, statement: str, window: int) -> None:
    spec = PromptSpec(1200, ("dp", "implementation"), Language.PYTHON3)
    header = prompt_header(spec)
    text = header + statement
    n_header = len(encode_text(tokenizer, header))
    encoded = encode_prompt(tokenizer, text, max_tokens=n_header + window)
    assert len(encoded.ids) <= n_header + window
    assert encoded.truncated == (encoded.n_original > n_header + window)
    decoded = decode_text(tokenizer, encoded.ids)
    assert decoded.startswith(header)
    if encoded.truncated:
        assert text.startswith(decoded.rstrip("\ufffd"))  # a cut may split a multi-byte character
    else:
        assert decoded == text


def test_program_is_wrapped_in_bos_and_eos(tokenizer) -> None:
    encoded = encode_program(tokenizer, PROGRAM)
    body = encode_text(tokenizer, PROGRAM)
    assert encoded.ids == (BOS_ID, *body, EOS_ID) and not encoded.truncated
    assert encoded.decoder_input == (BOS_ID, *body) and encoded.target == (*body, EOS_ID)
    assert len(encoded.decoder_input) <= DECODER_TOKENS
    assert program_text(tokenizer, encoded.ids) == PROGRAM


def test_program_window_boundary(tokenizer) -> None:
    body = encode_text(tokenizer, PROGRAM)
    # The target holds body + eos: a window of len(body) + 1 fits exactly ...
    exact = encode_program(tokenizer, PROGRAM, max_tokens=len(body) + 1)
    assert not exact.truncated and exact.ids[-1] == EOS_ID
    assert len(exact.decoder_input) == len(exact.target) == len(body) + 1
    # ... and one less drops the eos, so the model is not taught to stop mid-program.
    cut = encode_program(tokenizer, PROGRAM, max_tokens=len(body))
    assert cut.truncated and EOS_ID not in cut.ids and cut.n_cut == 1
    assert cut.decoder_input == (BOS_ID, *body[:-1]) and cut.target == tuple(body)


def test_long_program_is_cut_and_reported(tokenizer) -> None:
    code = PROGRAM * 50
    encoded = encode_program(tokenizer, code, max_tokens=16)
    assert encoded.truncated and len(encoded.ids) == 17 and encoded.ids[0] == BOS_ID
    assert len(encoded.decoder_input) == len(encoded.target) == 16
    assert encoded.n_original == len(encode_text(tokenizer, code)) + 2
    assert code.startswith(program_text(tokenizer, encoded.ids).rstrip("\ufffd"))


def test_program_text_stops_at_eos_and_ignores_padding(tokenizer) -> None:
    body = encode_text(tokenizer, PROGRAM)
    other = encode_text(tokenizer, "print(1)\n")
    assert program_text(tokenizer, [BOS_ID, *body, EOS_ID, *other, PAD_ID]) == PROGRAM
    assert program_text(tokenizer, [*body, PAD_ID, PAD_ID]) == PROGRAM


def test_truncation_report_counts_cuts() -> None:
    records = [
        EncodedText(ids=(1, 2, 3), n_original=3, truncated=False),
        EncodedText(ids=(1, 2, 3), n_original=10, truncated=True),
        EncodedText(ids=(1,), n_original=5, truncated=True),
    ]
    report = TruncationReport.of(records)
    assert (report.n, report.n_truncated, report.tokens_cut, report.longest) == (3, 2, 11, 10)
    assert str(report) == "2 of 3 truncated (66.7%), 11 tokens cut, longest 10"
    assert TruncationReport.of([]).fraction_truncated == 0.0


# ------------------------------------------------------------------------------------------- sampling


def test_packaged_common_tags_are_fifty_codeforces_combinations() -> None:
    tag_sets = load_common_tags()
    assert len(tag_sets) == 50 and len(set(tag_sets)) == 50
    for tags in tag_sets:
        assert tags and list(tags) == sorted(set(tags))
        assert set(tags) <= CODEFORCES_TAGS, tags


def test_sample_spec_draws_from_the_allowed_values() -> None:
    rng = random.Random(1234)
    tag_sets = load_common_tags()
    specs = [sample_spec(rng, Language.CPP, tag_sets) for _ in range(3000)]
    assert {s.rating for s in specs} == set(RATINGS) == set(range(800, 3501, 100))
    assert {s.tags for s in specs} == set(tag_sets)  # every set drawn, nothing else
    assert all(s.correct and s.language == Language.CPP for s in specs)
    languages = {sample_spec(rng, None).language for _ in range(200)}
    assert languages == {Language.PYTHON3, Language.CPP}


def test_sample_spec_is_deterministic_under_a_seed() -> None:
    def draw(seed: int) -> list[PromptSpec]:
        rng = random.Random(seed)
        return [sample_spec(rng, None) for _ in range(50)]

    assert draw(7) == draw(7)
    assert draw(7) != draw(8)


def test_sample_spec_with_custom_tags_and_bad_input(tmp_path: Path) -> None:
    rng = random.Random(0)
    assert sample_spec(rng, Language.PYTHON3, [["games"]]).tags == ("games",)
    with pytest.raises(ValueError, match="tag_sets"):
        sample_spec(rng, Language.PYTHON3, [])
    bad = tmp_path / "tags.json"
    bad.write_text('[["dp"], []]')
    with pytest.raises(ValueError, match=f"{bad}: entry 1"):
        load_common_tags(bad)
