"""The task families: every family makes valid, deterministic instances whose reference programs pass and whose
wrong programs fail in the real sandbox; the splits keep held-out families and training instances apart."""

from __future__ import annotations

import json
import random

import pytest

from problems.families import text
from problems.families.base import Family, Kind, Params, Statement, cpp, py
from problems.families.build import (
    HELD_OUT_FAMILIES,
    FamilyError,
    all_families,
    build,
    families_of,
    make_problem,
    make_split,
    statement_digest,
    verify,
)
from solver.problem import Language, Problem

FAMILIES = all_families()
TAGS = {"implementation", "math", "greedy", "sortings", "strings", "brute force", "constructive algorithms", "dp",
        "graphs", "dfs and similar", "shortest paths", "trees", "number theory", "two pointers", "binary search",
        "combinatorics", "bitmasks", "dsu"}  # fmt: skip


def test_catalog_is_large_and_covers_the_usual_tags():
    assert len(FAMILIES) >= 40
    covered = {tag for f in FAMILIES for tag in f.tags}
    for tag in ("implementation", "math", "greedy", "sortings", "strings", "brute force", "constructive algorithms",
                "dp", "graphs", "number theory"):  # fmt: skip
        assert tag in covered, tag
    for f in FAMILIES:
        assert set(f.tags) <= TAGS, (f.name, f.tags)
        assert 800 <= f.rating <= 3500 and f.rating % 100 == 0, f.name


@pytest.mark.parametrize("family", FAMILIES, ids=lambda f: f.name)
def test_instances_are_valid_deterministic_and_varied(family: Family):
    first = make_problem(family, "train", 0)
    assert make_problem(family, "train", 0) == first  # a pure function of the seed
    problem = Problem.model_validate(first)  # the project's own schema accepts it
    assert problem.public_tests.input and problem.private_tests.input
    assert "Input" in problem.description and "Output" in problem.description
    for test_input in problem.public_tests.input:
        assert test_input in problem.description  # examples are shown
    for language in (Language.PYTHON3, Language.CPP):
        assert len(problem.solutions.of(language)) >= 2, language
    assert len(first["mistakes"]) == len(problem.incorrect_solutions) and all(first["mistakes"])
    others = [make_problem(family, "train", i) for i in range(1, 6)]
    assert len({p["description"] for p in [first, *others]}) == 6  # statements differ between instances
    json.dumps(first)  # serialisable as it is written


@pytest.mark.parametrize("family", FAMILIES, ids=lambda f: f.name)
def test_reference_programs_pass_and_wrong_ones_fail_in_the_sandbox(family: Family):
    problems = [make_problem(family, "test", 0)]
    stats = verify(problems, workers=2)[family.name]
    assert stats.programs_ok == len(problems[0]["solutions"]["solution"])
    assert sum(stats.wrong_kept.values()) >= 1, f"every wrong program of {family.name} passed: {stats.wrong_dropped}"


def test_splits_hold_out_whole_families_and_unseen_instances():
    held = set(HELD_OUT_FAMILIES)
    assert held <= {f.name for f in FAMILIES}
    train = families_of("train")
    assert not held & {f.name for f in train}
    assert {f.name for f in families_of("heldout")} == held
    train_problems = make_split("train", 3, train[:5])
    valid = make_split("valid", 3, train[:5], avoid={statement_digest(p) for p in train_problems})
    assert not {statement_digest(p) for p in train_problems} & {statement_digest(p) for p in valid}
    assert {p["name"] for p in valid}.isdisjoint(p["name"] for p in train_problems)


def test_training_instances_have_no_large_tests_nor_too_slow_programs():
    slow = next(f for f in FAMILIES if any(c.mistake == "too slow" for c in f.wrong_solutions(f.draw(random.Random(0)))))
    for index in range(8):
        train = make_problem(slow, "train", index, large=False)
        full = make_problem(slow, "train", index)
        assert "too slow" not in train["mistakes"]
        assert len(train["private_tests"]["input"]) == len(full["private_tests"]["input"]) - slow.tests.get("large", 0)
    assert any("too slow" in make_problem(slow, "valid", i)["mistakes"] for i in range(40))


def test_build_writes_three_loadable_splits(tmp_path):
    from solver.problem import load_problems

    report = build(tmp_path, {"train": 1, "valid": 1, "heldout": 1}, check=False, log=lambda _: None)
    for split in ("train", "valid", "heldout"):
        problems = load_problems(tmp_path / f"{split}.jsonl")
        assert len(problems) == len(families_of("heldout" if split == "heldout" else "train"))
        assert report["splits"][split]["problems"] == len(problems)
    assert json.loads((tmp_path / "report.json").read_text())["seed"] == 0


# -------------------------------------------------------------------------- verification catches family bugs


class _Doubling(Family):
    """A tiny family for testing the builder: print 2n. Its "wrong" programs are set per test."""

    name = "doubling_for_tests"
    tags = ("math",)
    rating = 800
    tests = {"small": 2, "edge": 1}

    def __init__(self, right: str = "print(2 * int(input()))", wrong: tuple[str, ...] = ()):
        self.right, self.wrong = right, wrong

    def draw(self, rng: random.Random) -> Params:
        return {}

    def statement(self, p: Params, rng: random.Random) -> Statement:
        return Statement(f"{text.name(rng)} doubles a number.", f"{text.only_line(rng)} {text.integer(rng, 'n')}.",
                         "Print 2n.")  # fmt: skip

    def make_input(self, p: Params, rng: random.Random, kind: Kind) -> str:
        return f"{rng.randint(0, 10**6) if kind != 'edge' else 0}\n"

    def answer(self, p: Params, given: str) -> str:
        return f"{2 * int(given)}\n"

    def solutions(self, p: Params):
        body = "#include <cstdio>\nint main() { long long n; scanf(\"%lld\", &n); printf(\"%lld\\n\", 2 * n); }"
        return [py(self.right), py("n = int(input())\nprint(n + n)"), cpp(body), cpp(body.replace("2 * n", "n * 2"))]

    def wrong_solutions(self, p: Params):
        return [py(source, "wrong formula") for source in self.wrong]


def test_a_wrong_program_that_passes_is_dropped_and_counted():
    family = _Doubling(wrong=("print(int(input()) * 2)", "print(int(input()) ** 2)"))
    problems = [make_problem(family, "test", 0)]
    stats = verify(problems, workers=2)[family.name]
    assert stats.wrong_kept["wrong formula"] == 1 and stats.wrong_dropped["wrong formula"] == 1
    assert problems[0]["incorrect_solutions"]["solution"] == ["print(int(input()) ** 2)\n"]


def test_a_rejected_reference_program_stops_the_build_naming_it():
    family = _Doubling(right="print(3 * int(input()))", wrong=("print(0)",))
    with pytest.raises(FamilyError, match=r"doubling_for_tests.*reference program 1 \(PYTHON3\) got WA"):
        verify([make_problem(family, "test", 0)], workers=2)


def test_a_build_resumes_after_its_verified_splits(tmp_path, monkeypatch):
    """A build that stopped in a later split keeps what it verified: a split file holding exactly the instances
    this build makes is reused as it is (not made and judged again); one that differs is rebuilt."""
    from problems.families import build as build_module

    monkeypatch.setattr(build_module, "all_families", lambda: [_Doubling(wrong=("print(0)",))])
    build(tmp_path, {"train": 2, "valid": 1, "heldout": 0}, workers=2, log=lambda _: None)
    train = tmp_path / "train.jsonl"
    marked = [{**json.loads(line), "marker": i} for i, line in enumerate(train.read_text().splitlines())]
    train.write_text("".join(json.dumps(p) + "\n" for p in marked))
    (tmp_path / "valid.jsonl").unlink()  # as if the build had stopped while verifying the valid split

    report = build(tmp_path, {"train": 2, "valid": 1, "heldout": 0}, workers=2, log=lambda _: None)
    assert report["splits"]["train"].get("reused") and "reused" not in report["splits"]["valid"]
    assert [json.loads(line)["marker"] for line in train.read_text().splitlines()] == [0, 1]
    assert len((tmp_path / "valid.jsonl").read_text().splitlines()) == 1

    marked[0]["description"] += "changed"
    train.write_text("".join(json.dumps(p) + "\n" for p in marked))
    report = build(tmp_path, {"train": 2, "valid": 1, "heldout": 0}, workers=2, log=lambda _: None)
    assert "reused" not in report["splits"]["train"]
    assert all("marker" not in json.loads(line) for line in train.read_text().splitlines())
