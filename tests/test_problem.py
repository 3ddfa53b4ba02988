"""Problem files: loading in every shape, validation errors as one line naming file, problem and field."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from solver.problem import (
    DEFAULT_MEMORY_LIMIT_BYTES, DEFAULT_TIME_LIMIT_SECONDS, Language, Problem, ProblemFormatError, PublicProblem,
    load_problem, load_problems,
)  # fmt: skip


def record(**overrides) -> dict:
    base = {
        "name": "1_A. Sum",
        "description": "Add two numbers.",
        "public_tests": {"input": ["1 2\n"], "output": ["3\n"]},
        "private_tests": {"input": ["5 5\n", "0 0\n"], "output": ["10\n", "0\n"]},
        "generated_tests": {"input": [], "output": []},
        "solutions": {"language": ["PYTHON3", 2], "solution": ["print(sum(map(int, input().split())))", "int main(){}"]},
        "incorrect_solutions": {"language": [3], "solution": ["print(3)"]},
        "cf_rating": 800,
        "cf_tags": ["math"],
        "difficulty": 7,
        "time_limit": {"seconds": 1, "nanos": 500000000},
        "memory_limit_bytes": 268435456,
        "source": 2,
        "cf_contest_id": 1,
        "cf_index": "A",
    }
    base.update(overrides)
    return base


def write(path: Path, data) -> Path:
    path.write_text(json.dumps(data))
    return path


def test_one_json_file(tmp_path):
    problem = load_problem(write(tmp_path / "p.json", record()))
    assert problem.name == "1_A. Sum"
    assert problem.time_limit_seconds == 1.5
    assert problem.solutions.language == (Language.PYTHON3, Language.CPP)  # integer code 2 is CPP
    assert problem.incorrect_solutions.language == (Language.PYTHON3,)
    assert len(problem.hidden_tests) == 2


def test_jsonl_and_directory(tmp_path):
    lines = [json.dumps(record(name=f"p{i}")) for i in range(3)]
    (tmp_path / "many.jsonl").write_text("\n".join(lines) + "\n\n")
    sub = tmp_path / "sub"
    sub.mkdir()
    write(sub / "single.json", record(name="single"))
    assert [p.name for p in load_problems(tmp_path / "many.jsonl")] == ["p0", "p1", "p2"]
    assert sorted(p.name for p in load_problems(tmp_path)) == ["p0", "p1", "p2", "single"]


def test_nulls_and_defaults_as_in_the_released_dataset(tmp_path):
    data = record(time_limit=None, memory_limit_bytes=None, cf_rating=None, difficulty=None, generated_tests=None)
    del data["private_tests"]
    problem = load_problem(write(tmp_path / "p.json", data))
    assert problem.time_limit_seconds == DEFAULT_TIME_LIMIT_SECONDS
    assert problem.memory_limit == DEFAULT_MEMORY_LIMIT_BYTES
    assert len(problem.hidden_tests) == 0


def test_windows_line_endings_are_normalised(tmp_path):
    data = record(public_tests={"input": ["1 2\r\n3\r\n"], "output": [["3\r\n", "three\r\n"]]})
    problem = load_problem(write(tmp_path / "p.json", data))
    assert problem.public_tests.input == ("1 2\n3\n",)
    assert problem.public_tests.output == (("3\n", "three\n"),)  # several accepted outputs are kept


def test_other_languages_are_kept(tmp_path):
    data = record(solutions={"language": ["JAVA", 1, "UNKNOWN_LANGUAGE"], "solution": ["class A{}", "print 1", "?"]})
    problem = load_problem(write(tmp_path / "p.json", data))
    assert [lang.runnable for lang in problem.solutions.language] == [False, False, False]


@pytest.mark.parametrize(
    "change, field, words",
    [
        (lambda r: r.pop("description"), "description", "missing"),
        (lambda r: r.update(cf_rating="high"), "cf_rating", "integer"),
        (lambda r: r.update(public_tests={"input": ["1\n", "2\n"], "output": ["1\n"]}), "public_tests", "2 inputs but 1"),
        (lambda r: r.update(solutions={"language": ["COBOL"], "solution": ["x"]}), "solutions.language.0", "COBOL"),
        (lambda r: r.update(solutions={"language": [9], "solution": ["x"]}), "solutions.language.0", "code 9"),
        (lambda r: r.update(time_limit={"seconds": -1}), "time_limit.seconds", "greater than or equal"),
        (lambda r: r.update(cf_tags="math"), "cf_tags", "tuple"),
    ],
)
def test_bad_fields_give_one_line_naming_file_problem_and_field(tmp_path, change, field, words):
    data = record()
    change(data)
    path = write(tmp_path / "bad.json", data)
    with pytest.raises(ProblemFormatError) as error:
        load_problems(path)
    message = str(error.value)
    assert "\n" not in message
    assert str(path) in message and "1_A. Sum" in message and f"'{field}'" in message and words in message


def test_file_level_errors(tmp_path):
    (tmp_path / "latin1.json").write_bytes('{"name": "caf\xe9"}'.encode("latin-1"))
    with pytest.raises(ProblemFormatError, match=r"latin1\.json: not UTF-8"):
        load_problems(tmp_path / "latin1.json")
    (tmp_path / "broken.jsonl").write_text(json.dumps(record()) + "\n{oops\n")
    with pytest.raises(ProblemFormatError, match=r"broken\.jsonl:2: invalid JSON"):
        load_problems(tmp_path / "broken.jsonl")
    with pytest.raises(ProblemFormatError, match="no such file"):
        load_problems(tmp_path / "missing.json")
    (tmp_path / "list.json").write_text("[1, 2]")
    with pytest.raises(ProblemFormatError, match="expected a JSON object"):
        load_problems(tmp_path / "list.json")


def test_a_bad_file_in_a_directory_fails_the_whole_load(tmp_path):
    write(tmp_path / "a.json", record(name="good"))
    write(tmp_path / "b.json", record(name="bad", public_tests={"input": ["x"]}))
    with pytest.raises(ProblemFormatError, match=r"b\.json: problem 'bad': field 'public_tests'"):
        load_problems(tmp_path)


def test_public_view_holds_no_hidden_data():
    problem = Problem.model_validate(record())
    view = problem.public_view()
    assert isinstance(view, PublicProblem)
    fields = set(PublicProblem.model_fields)
    assert not fields & {"private_tests", "generated_tests", "solutions", "incorrect_solutions", "hidden_tests"}
    dumped = json.dumps(view.model_dump())
    assert "5 5" not in dumped and "print(3)" not in dumped
    assert view.time_limit_seconds == 1.5 and view.public_tests.input == ("1 2\n",)


def test_records_are_frozen():
    problem = Problem.model_validate(record())
    with pytest.raises(Exception):
        problem.name = "other"  # type: ignore[misc]


def test_bundled_examples_load():
    examples = Path(__file__).resolve().parent.parent / "problems" / "examples"
    problems = load_problems(examples)
    assert 8 <= len(problems) <= 10
    for p in problems:
        assert p.public_tests.input and p.private_tests.input
        for sols in (p.solutions, p.incorrect_solutions):
            assert sols.of(Language.PYTHON3) and sols.of(Language.CPP), p.name
        assert 800 <= (p.cf_rating or 0) <= 1600
