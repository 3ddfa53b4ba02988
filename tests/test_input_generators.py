"""Test inputs from programs the policy writes (test_generator/generators.py): input generators and validators.

No mocks: the policy is a `ServerPolicy` talking over a socket to the scripted HTTP server of test_server_policy.py,
whose chat replies hold the generator and validator programs written below, and every program runs in the real
sandbox. The problem is problems/examples/day_and_night.json (n ≤ 5·10^4 days, two lines of n pays in 1..10^9),
plus a small one whose "strictly increasing" list mutation easily breaks.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import pytest
from test_server_policy import Scripted, _chat

from solver.cli import main
from solver.errors import UsageError
from solver.execution import Executor
from solver.pipeline.config import make_config
from solver.pipeline.server import ServerPolicy
from solver.problem import PublicProblem, load_problem
from solver.problem import Tests as Cases  # (a name pytest would try to collect)
from test_generator.generate import generate_inputs
from test_generator.generators import generator_request, input_section, validator_request

EXAMPLE = Path(__file__).resolve().parent.parent / "problems" / "examples" / "day_and_night.json"
PROBLEM = load_problem(EXAMPLE).public_view()

# Mostly a handful of days; seed 9 (mod 10) near the limit, as the prompt asks.
GOOD = """import random
seed = int(input())
random.seed(seed)
n = random.randint(1, 50000) if seed % 10 == 9 else random.randint(1, 8)
print(n)
print(*(random.randint(1, 10**9) for _ in range(n)))
print(*(random.randint(1, 10**9) for _ in range(n)))
"""
TINY = """import random
random.seed(int(input()))
n = random.randint(1, 2)
print(n)
print(*(random.randint(1, 3) for _ in range(n)))
print(*(random.randint(1, 3) for _ in range(n)))
"""
CRASHES = "seed = int(input())\nprint(1 // (seed - seed))\n"
LOOPS = "while True:\n    pass\n"
SILENT = "int(input())\n"

VALID = """import sys
lines = sys.stdin.read().split("\\n")
while lines and not lines[-1].strip():
    lines.pop()
assert len(lines) == 3
n = int(lines[0])
assert 1 <= n <= 50000
for line in lines[1:]:
    values = [int(v) for v in line.split()]
    assert len(values) == n and all(1 <= v <= 10**9 for v in values)
"""
NO_SINGLE_DAY = VALID.replace("assert 1 <= n", "assert 2 <= n")  # rejects the second example
ACCEPTS_ALL = "pass\n"  # accepts the empty input too
BROKEN = "import no_such_module\n"


def valid_day_and_night(text: str) -> bool:
    lines = text.rstrip("\n").split("\n")
    if len(lines) != 3 or not lines[0].strip().isdigit():
        return False
    n = int(lines[0])
    rows = [[int(v) for v in line.split()] for line in lines[1:]]
    return 1 <= n <= 50000 and all(len(r) == n and all(1 <= v <= 10**9 for v in r) for r in rows)


INCREASING = PublicProblem(
    name="increasing",
    description=(
        "You are given a strictly increasing sequence. Print its largest element.\n\nInput\n\n"
        "The first line contains an integer n (2 ≤ n ≤ 10). The second line contains n integers "
        "a_1 < a_2 < … < a_n (1 ≤ a_i ≤ 100).\n\nOutput\n\nPrint a_n.\n"
    ),
    public_tests=Cases(input=("5\n1 3 4 8 9\n", "3\n2 50 51\n"), output=("9\n", "51\n")),
)
INCREASING_VALID = """import sys
lines = sys.stdin.read().split("\\n")
n = int(lines[0])
a = [int(v) for v in lines[1].split()]
assert 2 <= n <= 10 and len(a) == n and all(1 <= v <= 100 for v in a)
assert all(x < y for x, y in zip(a, a[1:]))
assert not "".join(lines[2:]).strip()
"""


def increasing(text: str) -> bool:
    a = [int(v) for v in text.split("\n")[1].split()]
    return all(x < y for x, y in zip(a, a[1:]))


def policy_server(problem: PublicProblem, generators: Sequence[str] = (), validators: Sequence[str] = (),
                  solutions: Sequence[str] = ()) -> Scripted:  # fmt: skip
    """A chat server that answers the generator request with `generators` (choice i: program i), the validator
    request with `validators`, a solution request with `solutions`, and anything else (raw inputs) with prose."""

    def reply(body: dict) -> tuple[int, str]:
        request = body["messages"][0]["content"]
        codes: Sequence[str] = ()
        if request == generator_request(problem):
            codes = generators
        elif request == validator_request(problem):
            codes = validators
        elif request.startswith("Write a Python 3 program that solves"):
            codes = solutions
        contents = [f"```python\n{codes[i % len(codes)]}```" if codes else "I cannot." for i in range(body["n"])]
        return 200, _chat(*contents)

    return Scripted(reply)


@pytest.fixture(scope="module")
def executor():
    with Executor(workers=2) as ex:
        yield ex


@pytest.fixture
def serve():
    servers: list[Scripted] = []

    def make(*args, **kwargs) -> Scripted:
        servers.append(policy_server(*args, **kwargs))
        return servers[-1]

    yield make
    for server in servers:
        server.close()


def test_prompts_quote_the_input_section_and_constraints():
    section = input_section(PROBLEM.description)
    assert section.startswith("Input") and "5 ⋅ 10^4" in section and "Print one integer" not in section
    request = generator_request(PROBLEM)
    assert section in request and "- 1 ≤ n ≤ 50000" in request and "random.seed(seed)" in request
    assert "```\n3\n5 1 5\n1 10 1\n```" in request and "```python" in request
    assert section in validator_request(PROBLEM) and "nonzero status" in validator_request(PROBLEM)
    assert input_section("Print the sum of two numbers.") == "Print the sum of two numbers."


def test_generators_give_valid_distinct_inputs(serve, executor):
    server = serve(PROBLEM, generators=[GOOD, TINY])
    writer = ServerPolicy(server.url, "m")
    got = generate_inputs(PROBLEM, 30, seed=0, writer=writer, executor=executor, generators=2)
    assert len(got.inputs) == 30 and set(got.sources) == {"generator"}
    assert all(valid_day_and_night(text) for text in got.inputs)
    assert len(set(got.inputs)) == 30 and not set(got.inputs) & set(PROBLEM.public_tests.input)
    assert got.generators.as_dict() == {"asked": 2, "usable": 2, "dropped": 0, "inputs": 30, "note": None}
    [generator_call] = [b for b in server.bodies if b["messages"][0]["content"] == generator_request(PROBLEM)]
    assert generator_call["n"] == 2 and generator_call["temperature"] == 0.6
    # Asked again with the same seed: the same programs, the same seeds, the same inputs.
    assert generate_inputs(PROBLEM, 30, seed=0, writer=writer, executor=executor, generators=2) == got


def test_crashing_looping_and_silent_generators_are_dropped(serve, executor):
    server = serve(PROBLEM, generators=[CRASHES, GOOD, LOOPS, SILENT])
    writer = ServerPolicy(server.url, "m")
    got = generate_inputs(PROBLEM, 12, seed=0, writer=writer, executor=executor, generators=4)
    assert got.generators.as_dict() == {"asked": 4, "usable": 1, "dropped": 3, "inputs": 12, "note": None}
    assert got.by_source() == {"generator": 12} and all(valid_day_and_night(text) for text in got.inputs)


def test_no_usable_generator_leaves_the_inputs_to_mutation(serve, executor):
    server = serve(PROBLEM, generators=[CRASHES, "this is not python\n"])
    got = generate_inputs(PROBLEM, 5, seed=0, writer=ServerPolicy(server.url, "m"), executor=executor, generators=2)
    assert got.generators.asked == 2 and got.generators.usable == 0 and "failed" in got.generators.note
    assert got.by_source() == {"mutation": 5}


def test_validators_that_reject_an_example_accept_nothing_or_crash_are_discarded(serve, executor):
    server = serve(PROBLEM, validators=[NO_SINGLE_DAY, VALID, ACCEPTS_ALL, BROKEN])
    writer = ServerPolicy(server.url, "m")
    got = generate_inputs(PROBLEM, 20, seed=0, writer=writer, executor=executor, validators=4)
    assert got.validators.asked == 4 and got.validators.kept == 1
    assert all(valid_day_and_night(text) for text in got.inputs)
    assert len(got.inputs) + got.validators.rejected == 20


def test_validators_drop_invalid_mutants(serve, executor):
    """Mutation swaps list items and moves values by one: "strictly increasing" is not a property it keeps."""
    plain = generate_inputs(INCREASING, 30, seed=0, constrained=True)
    invalid = [text for text in plain.inputs if not increasing(text)]
    assert invalid and set(plain.sources) == {"mutation"}  # the case is real
    server = serve(INCREASING, validators=[INCREASING_VALID, INCREASING_VALID.replace("x < y", "x <= y")])
    writer = ServerPolicy(server.url, "m")
    got = generate_inputs(INCREASING, 30, seed=0, constrained=True, writer=writer, executor=executor, validators=2)
    # Two validators, one lenient on equal neighbours: an input they split on has no majority and goes too.
    assert got.validators.as_dict() == {"asked": 2, "kept": 2, "discarded": 0, "rejected_inputs": len(invalid),
                                        "note": None}  # fmt: skip
    assert got.inputs == tuple(text for text in plain.inputs if increasing(text)) and got.sources
    assert got.invalid == 0 and got.validation == "off"  # reference validation is its own, separate count


def test_the_own_model_writes_no_programs_and_says_so(scripted_url, executor, tiny_model_dir):
    from solver.pipeline.sampling import ModelPolicy, input_writer_for

    writer = input_writer_for(make_config("t", input_generators=4), ModelPolicy(tiny_model_dir))
    assert writer is None  # the pipeline has no one to ask
    got = generate_inputs(PROBLEM, 6, seed=0, writer=writer, executor=executor, generators=4, validators=2)
    assert got.by_source() == {"mutation": 6} and got.generators.usable == 0
    assert "cannot write programs" in got.generators.note and "cannot write programs" in got.validators.note
    url, bodies = scripted_url
    served = ServerPolicy(url, "m", prompt_format="alphacode", check=False)  # `solve serve` of the encoder-decoder
    got = generate_inputs(PROBLEM, 6, seed=0, writer=served, executor=executor, generators=4, validators=2)
    assert (got.generators.asked, got.generators.usable, got.generators.inputs) == (4, 0, 0)
    assert "encoder-decoder" in got.generators.note and "encoder-decoder" in got.validators.note
    assert got.by_source() == {"mutation": 6} and got.validators.kept == 0 and bodies == []


@pytest.fixture
def scripted_url(serve):
    server = serve(PROBLEM)
    return server.url, server.bodies


def test_a_testgen_server_writes_the_programs(serve):
    from solver.pipeline.sampling import input_writer_for

    policy_side, testgen_side = serve(PROBLEM), serve(PROBLEM, generators=[GOOD])
    config = make_config("t", policy_url=policy_side.url, testgen_url=testgen_side.url, input_generators=1)
    writer = input_writer_for(config, ServerPolicy(policy_side.url, "m"))
    assert writer.write_programs(generator_request(PROBLEM), 1, seed=0) == [GOOD]
    assert len(testgen_side.bodies) == 1 and policy_side.bodies == []


def test_the_causal_policy_writes_programs(tmp_path):
    import torch
    from test_causal_policy import _model, _tokenizer

    from solver.pipeline.causal import CausalPolicy

    tokenizer = _tokenizer()
    tokenizer.save_pretrained(tmp_path)
    _model(tokenizer, 32, seed=0).save_pretrained(tmp_path)
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        policy = CausalPolicy(tmp_path)
        policy.window = 96  # an untrained model never stops: a short window cuts its replies (and the test) short
        request = "Write a Python 3 program that prints 1."
        codes = policy.write_programs(request, 2, seed=0)
        assert len(codes) == 2 and all(isinstance(code, str) for code in codes)  # untrained: code or ""
        assert policy.write_programs(request, 2, seed=0) == codes and policy.write_programs(request, 0, 0) == []
    finally:
        torch.set_num_threads(threads)


@pytest.mark.parametrize("setting", ["input_generators", "input_validators"])
def test_negative_settings_are_one_line_errors(setting, tmp_path, capsys):
    with pytest.raises(UsageError, match=f"field '{setting}'"):
        make_config("solve", **{setting: -1})
    flag = "--" + setting.replace("_", "-")
    assert main([str(EXAMPLE), "--samples-from", str(tmp_path / "none.jsonl"), flag, "-1"]) == 2
    err = capsys.readouterr().err.strip()
    assert f"field '{setting}'" in err and len(err.splitlines()) == 1


def test_solve_through_the_cli_reports_generators(serve, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "300")  # the stage table on one line per stage
    reference = load_problem(EXAMPLE).solutions.solution[0]
    server = serve(PROBLEM, generators=[GOOD, CRASHES], validators=[VALID], solutions=[reference])
    out = tmp_path / "run"
    code = main([str(EXAMPLE), "--policy-url", server.url, "--samples", "4", "--languages", "PYTHON3", "--inputs",
                 "10", "--input-generators", "2", "--input-validators", "1", "--out", str(out)])  # fmt: skip
    assert code == 0
    inputs = json.loads((out / "report.json").read_text())["inputs"]
    assert inputs["generated"] == 10 and inputs["by_source"] == {"generator": 10}
    assert inputs["generators"] == {"asked": 2, "usable": 1, "dropped": 1, "inputs": 10, "note": None}
    assert inputs["validators"] == {"asked": 1, "kept": 1, "discarded": 0, "rejected_inputs": 0, "note": None}
    assert "generators 1 of 2 usable, 10 inputs; validators 1 of 1 kept, 0 inputs rejected" in capsys.readouterr().out
