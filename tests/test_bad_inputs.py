"""Every bad input a user can give: exit status 2, exactly one line on stderr naming the file and the field, no
traceback, and nothing left behind.

One table, run through the real CLI in this process (`solver.cli.main`), with fixtures built in a temporary
directory: malformed, ill-typed and oversized problem files, unusable limits and checkers, programs files with
nothing to run, bad settings files and overrides, conflicting flags, unusable paths. A case whose command starts
a sandbox (checkers are compiled by `solve check`) pays for it; the others stop before any work.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from solver.cli import main

REPO = Path(__file__).resolve().parent.parent
MIB = 1024 * 1024


def problem(**fields) -> dict:
    """A small valid problem with `fields` replaced (None: the field removed)."""
    record = {"name": "p", "description": "Print n.", "public_tests": {"input": ["1\n"], "output": ["1\n"]},
              "private_tests": {"input": ["2\n"], "output": ["2\n"]}}  # fmt: skip
    record.update(fields)
    return {k: v for k, v in record.items() if v is not None}


class Sparse(int):
    """A file of this many bytes that takes no space (a hole), to try size caps cheaply."""


def deep(levels: int) -> str:
    return "[" * levels + "]" * levels


GOOD = json.dumps(problem())
TWO = json.dumps(problem(name="a")) + "\n" + json.dumps(problem(name="b")) + "\n"
PROGRAM = json.dumps({"language": "PYTHON3", "code": "print(input())"}) + "\n"
CPP_CHECKER_ERROR = "#include <cstdio>\nint main(int argc, char** argv) {\n  int x = ;\n  return 0;\n}\n"
TRAIN = {"kind": "pretrain", "run_dir": "{t}/train-run", "tokenizer": {"path": "{t}/tok"},
         "data": {"sources": ["{t}"]}}  # fmt: skip


def with_field(config: dict, dotted: str, value) -> dict:
    """A copy of a nested config with one dotted field set."""
    config = json.loads(json.dumps(config))
    node = config
    *parents, last = dotted.split(".")
    for part in parents:
        node = node.setdefault(part, {})
    node[last] = value
    return config


def experiment(**fields) -> str:
    spec = {"name": "x", "problems": "{t}/p.json", "base": {"samples_from": "{t}/s.jsonl"}, "variants": {"a": {}}}
    spec.update(fields)
    return yaml.safe_dump(spec)


# (id, files to write, argv, substrings of the one stderr line). "{t}" is the temporary directory.
# Files: str is written as text, bytes as bytes, dict/list as JSON (YAML for .yaml), Sparse as a hole.
CASES = [
    # --- problem files: shape, encoding, size ---------------------------------------------------------------
    ("missing-file", {}, ["check", "{t}/nope.json"], ["nope.json", "no such file"]),
    ("wrong-extension", {"p.txt": GOOD}, ["check", "{t}/p.txt"], ["p.txt", "expected a .json"]),
    ("empty-directory", {"d/.keep": ""}, ["check", "{t}/d"], ["/d", "no .json or .jsonl"]),
    ("invalid-json", {"p.json": "{'name': 1}"}, ["check", "{t}/p.json"], ["p.json", "invalid JSON", "line 1"]),
    ("empty-json", {"p.json": ""}, ["check", "{t}/p.json"], ["p.json", "invalid JSON"]),
    ("json-array", {"p.json": [1, 2]}, ["check", "{t}/p.json"], ["p.json", "expected a JSON object, got list"]),
    ("json-string", {"p.json": "\"text\""}, ["check", "{t}/p.json"], ["p.json", "expected a JSON object, got str"]),
    ("not-utf8", {"p.json": GOOD.encode().replace(b"Print", b"Pr\xffnt")}, ["check", "{t}/p.json"],
     ["p.json", "not UTF-8"]),
    ("binary-garbage", {"p.json": bytes(range(256)) * 4}, ["check", "{t}/p.json"], ["p.json", "not UTF-8"]),
    ("nul-bytes", {"p.json": b"\0\0\0\x01\x02"}, ["check", "{t}/p.json"], ["p.json", "invalid JSON"]),
    ("nested-200000-deep", {"p.json": deep(200_000)}, ["check", "{t}/p.json"], ["p.json", "nested too deeply"]),
    ("nested-in-jsonl", {"p.jsonl": GOOD + "\n" + deep(100_000) + "\n"}, ["check", "{t}/p.jsonl"],
     ["p.jsonl:2", "nested too deeply"]),
    ("statement-over-cap", {"p.json": problem(description="x" * 1_000_001)}, ["check", "{t}/p.json"],
     ["p.json", "field 'description'", "1000000"]),
    ("file-over-cap", {"p.json": Sparse(513 * MIB)}, ["check", "{t}/p.json"], ["p.json", "at most 536,870,912"]),
    ("jsonl-bad-line", {"p.jsonl": GOOD + "\n{oops\n"}, ["check", "{t}/p.jsonl"], ["p.jsonl:2", "invalid JSON"]),
    ("jsonl-array-line", {"p.jsonl": "[1]\n"}, ["check", "{t}/p.jsonl"], ["p.jsonl:1", "expected a JSON object"]),
    ("jsonl-bad-field", {"p.jsonl": TWO + json.dumps(problem(name="c", cf_rating="hard")) + "\n"},
     ["check", "{t}/p.jsonl"], ["p.jsonl:3", "problem 'c'", "field 'cf_rating'"]),
    ("duplicate-names", {"p.jsonl": TWO + TWO}, ["check", "{t}/p.jsonl"], ["p.jsonl", "unique", "a, b"]),
    ("bad-file-in-directory", {"d/a.json": GOOD, "d/b.json": problem(name="b", description=None)},
     ["check", "{t}/d"], ["b.json", "field 'description'", "missing"]),
    # --- problem files: fields ------------------------------------------------------------------------------
    ("missing-name", {"p.json": problem(name=None)}, ["check", "{t}/p.json"], ["p.json", "field 'name'", "missing"]),
    ("missing-description", {"p.json": problem(description=None)}, ["check", "{t}/p.json"],
     ["field 'description'", "missing"]),
    ("missing-public-tests", {"p.json": problem(public_tests=None)}, ["check", "{t}/p.json"],
     ["field 'public_tests'", "missing"]),
    ("name-not-string", {"p.json": problem(name=7)}, ["check", "{t}/p.json"], ["p.json", "field 'name'"]),
    ("name-empty", {"p.json": problem(name="")}, ["check", "{t}/p.json"], ["field 'name'", "at least 1"]),
    ("description-list", {"p.json": problem(description=["a"])}, ["check", "{t}/p.json"], ["field 'description'"]),
    ("tests-not-object", {"p.json": problem(public_tests="1 -> 1")}, ["check", "{t}/p.json"],
     ["field 'public_tests'"]),
    ("tests-unequal", {"p.json": problem(public_tests={"input": ["1\n", "2\n"], "output": ["1\n"]})},
     ["check", "{t}/p.json"], ["field 'public_tests'", "2 inputs but 1 outputs"]),
    ("tests-input-not-list", {"p.json": problem(public_tests={"input": 5, "output": []})}, ["check", "{t}/p.json"],
     ["field 'public_tests.input'"]),
    ("tests-input-int", {"p.json": problem(public_tests={"input": [1], "output": ["1"]})}, ["check", "{t}/p.json"],
     ["field 'public_tests.input.0'"]),
    ("private-unequal", {"p.json": problem(private_tests={"input": [], "output": ["1"]})}, ["check", "{t}/p.json"],
     ["field 'private_tests'"]),
    ("unknown-language", {"p.json": problem(solutions={"language": ["COBOL"], "solution": ["x"]})},
     ["check", "{t}/p.json"], ["field 'solutions.language.0'", "unknown language 'COBOL'"]),
    ("unknown-language-code", {"p.json": problem(solutions={"language": [9], "solution": ["x"]})},
     ["check", "{t}/p.json"], ["field 'solutions.language.0'", "code 9"]),
    ("language-bool", {"p.json": problem(solutions={"language": [True], "solution": ["x"]})},
     ["check", "{t}/p.json"], ["field 'solutions.language.0'"]),
    ("solutions-unequal", {"p.json": problem(solutions={"language": [3, 2], "solution": ["x"]})},
     ["check", "{t}/p.json"], ["field 'solutions'", "2 languages but 1 solutions"]),
    ("rating-negative", {"p.json": problem(cf_rating=-5)}, ["check", "{t}/p.json"], ["field 'cf_rating'"]),
    ("rating-string", {"p.json": problem(cf_rating="hard")}, ["check", "{t}/p.json"], ["field 'cf_rating'"]),
    ("tags-string", {"p.json": problem(cf_tags="dp")}, ["check", "{t}/p.json"], ["field 'cf_tags'"]),
    ("seconds-negative", {"p.json": problem(time_limit={"seconds": -1})}, ["check", "{t}/p.json"],
     ["field 'time_limit.seconds'"]),
    ("nanos-too-big", {"p.json": problem(time_limit={"nanos": 10**9})}, ["check", "{t}/p.json"],
     ["field 'time_limit.nanos'"]),
    ("time-limit-1e12", {"p.json": problem(time_limit={"seconds": 10**12})}, ["check", "{t}/p.json"],
     ["p.json", "field 'time_limit'", "600 s"]),
    ("time-limit-601", {"p.json": problem(time_limit={"seconds": 600, "nanos": 1})}, ["check", "{t}/p.json"],
     ["field 'time_limit'", "600 s"]),
    ("memory-1000-bytes", {"p.json": problem(memory_limit_bytes=1000)}, ["check", "{t}/p.json"],
     ["p.json", "field 'memory_limit_bytes'", "4194304"]),
    ("memory-1-tib", {"p.json": problem(memory_limit_bytes=2**40)}, ["check", "{t}/p.json"],
     ["field 'memory_limit_bytes'"]),
    ("memory-string", {"p.json": problem(memory_limit_bytes="256MB")}, ["check", "{t}/p.json"],
     ["field 'memory_limit_bytes'"]),
    ("checker-java", {"p.json": problem(checker={"language": "JAVA", "source": "class C {}"})},
     ["check", "{t}/p.json"], ["p.json", "field 'checker.language'", "PYTHON3 or CPP"]),
    ("checker-python2", {"p.json": problem(checker={"language": 1, "source": "print 1"})}, ["check", "{t}/p.json"],
     ["field 'checker.language'"]),
    ("checker-no-source", {"p.json": problem(checker={"language": "CPP"})}, ["check", "{t}/p.json"],
     ["field 'checker.source'", "missing"]),
    ("checker-cpp-error", {"p.json": problem(checker={"language": "CPP", "source": CPP_CHECKER_ERROR})},
     ["check", "{t}/p.json"], ["p.json", "field 'checker.source'", "checker.cpp:3:", "error:"]),
    ("checker-python-error", {"p.json": problem(checker={"language": "PYTHON3", "source": "import sys\ndef f(:\n"})},
     ["check", "{t}/p.json"], ["p.json", "field 'checker.source'", "checker.py, line 2", "SyntaxError"]),
    ("judge-java-checker", {"p.json": problem(checker={"language": "JAVA", "source": "x"}), "s.py": "print(1)"},
     ["judge", "{t}/p.json", "{t}/s.py"], ["p.json", "field 'checker.language'"]),
    ("judge-huge-limit", {"p.json": problem(time_limit={"seconds": 10**12}), "s.py": "print(1)"},
     ["judge", "{t}/p.json", "{t}/s.py"], ["p.json", "field 'time_limit'"]),
    # --- solve ----------------------------------------------------------------------------------------------
    ("solve-missing-problem", {}, ["{t}/nope.json", "--samples-from", "{t}/s.jsonl"], ["nope.json", "no such"]),
    ("solve-two-problems", {"p.jsonl": TWO, "s.jsonl": PROGRAM}, ["{t}/p.jsonl", "--samples-from", "{t}/s.jsonl"],
     ["p.jsonl", "holds 2 problems"]),
    ("samples-missing", {"p.json": GOOD}, ["{t}/p.json", "--samples-from", "{t}/s.jsonl", "--out", "{t}/run"],
     ["s.jsonl", "no such file"]),
    ("samples-empty", {"p.json": GOOD, "s.jsonl": ""}, ["{t}/p.json", "--samples-from", "{t}/s.jsonl", "--out",
     "{t}/run"], ["s.jsonl", "no programs"]),  # fmt: skip
    ("samples-no-code", {"p.json": GOOD, "s.jsonl": '{"language": "PYTHON3"}\n' * 3},
     ["{t}/p.json", "--samples-from", "{t}/s.jsonl", "--out", "{t}/run"],
     ["s.jsonl", "no usable program", "3 of 3", "line 1", "field 'code'"]),
    ("samples-unknown-language", {"p.json": GOOD, "s.jsonl": '{"language": "RUST", "code": "fn main(){}"}\n'},
     ["{t}/p.json", "--samples-from", "{t}/s.jsonl", "--out", "{t}/run"], ["s.jsonl", "no usable", "'RUST'"]),
    ("samples-java", {"p.json": GOOD, "s.jsonl": '{"language": "JAVA", "code": "class A {}"}\n'},
     ["{t}/p.json", "--samples-from", "{t}/s.jsonl"], ["s.jsonl", "JAVA cannot be run"]),
    ("samples-garbage", {"p.json": GOOD, "s.jsonl": "not json\n[1, 2]\n" + deep(100_000) + "\n"},
     ["{t}/p.json", "--samples-from", "{t}/s.jsonl"], ["s.jsonl", "no usable program", "3 of 3"]),
    ("samples-not-utf8", {"p.json": GOOD, "s.jsonl": b"\xff\xfe"}, ["{t}/p.json", "--samples-from", "{t}/s.jsonl"],
     ["s.jsonl", "not UTF-8"]),
    ("samples-directory", {"p.json": GOOD, "s/x": ""}, ["{t}/p.json", "--samples-from", "{t}/s"], ["/s", "directory"]),
    ("samples-pick-value", {"p.json": GOOD, "s.jsonl": PROGRAM}, ["{t}/p.json", "--samples-from", "{t}/s.jsonl",
     "--pick", "value"], ["s.jsonl", "--pick value", "field 'value'"]),  # fmt: skip
    ("model-and-samples", {"p.json": GOOD, "s.jsonl": PROGRAM}, ["{t}/p.json", "--samples-from", "{t}/s.jsonl",
     "--model", "{t}/m"], ["--model, --policy-url and --samples-from exclude each other"]),  # fmt: skip
    ("model-missing", {"p.json": GOOD}, ["{t}/p.json", "--model", "{t}/no-model", "--out", "{t}/run"],
     ["no-model", "field 'model'", "no such file"]),
    ("testgen-not-model", {"p.json": GOOD, "s.jsonl": PROGRAM, "tg/x": ""}, ["{t}/p.json", "--samples-from",
     "{t}/s.jsonl", "--testgen-model", "{t}/tg"], ["tg", "field 'testgen_model'", "config.json"]),  # fmt: skip
    ("out-is-a-file", {"p.json": GOOD, "s.jsonl": PROGRAM, "run": "x"}, ["{t}/p.json", "--samples-from",
     "{t}/s.jsonl", "--out", "{t}/run"], ["run", "--out", "not a directory"]),  # fmt: skip
    ("out-under-a-file", {"p.json": GOOD, "s.jsonl": PROGRAM, "f": "x"}, ["{t}/p.json", "--samples-from",
     "{t}/s.jsonl", "--out", "{t}/f/run"], ["f/run", "--out", "not a directory"]),  # fmt: skip
    ("budget-zero", {"p.json": GOOD}, ["{t}/p.json", "--budget", "0", "--samples-from", "{t}/s.jsonl"],
     ["field 'budget'"]),
    ("samples-zero", {"p.json": GOOD}, ["{t}/p.json", "--samples", "0"], ["field 'samples'"]),
    ("temperature-negative", {"p.json": GOOD}, ["{t}/p.json", "--temperature", "-1"], ["field 'temperature'"]),
    ("top-p-zero", {"p.json": GOOD}, ["{t}/p.json", "--top-p", "0"], ["field 'top_p'"]),
    ("solve-workers-zero", {"p.json": GOOD}, ["{t}/p.json", "--workers", "0"], ["field 'workers'"]),
    ("languages-unknown", {"p.json": GOOD}, ["{t}/p.json", "--languages", "COBOL"], ["--languages", "COBOL"]),
    ("languages-java", {"p.json": GOOD}, ["{t}/p.json", "--languages", "JAVA"], ["field 'languages'", "JAVA"]),
    ("choice-bad", {"p.json": GOOD}, ["{t}/p.json", "--fuzzy-method", "magic"], ["--fuzzy-method", "magic"]),
    ("device-unknown", {"p.json": GOOD}, ["{t}/p.json", "--device", "tpu"], ["--device", "tpu"]),
    ("dtype-unknown", {"p.json": GOOD}, ["{t}/p.json", "--dtype", "int8"], ["--dtype", "int8"]),
    ("int-bad", {"p.json": GOOD}, ["{t}/p.json", "--samples", "many"], ["--samples", "invalid int value"]),
    ("unknown-option", {"p.json": GOOD}, ["{t}/p.json", "--sampels", "4"], ["unrecognized arguments: --sampels"]),
    # --- judge ----------------------------------------------------------------------------------------------
    ("judge-workers-zero", {"p.json": GOOD, "s.py": "print(1)"}, ["judge", "{t}/p.json", "{t}/s.py", "--workers", "0"],
     ["--workers", "between 1 and"]),
    ("judge-no-solution-file", {"p.json": GOOD}, ["judge", "{t}/p.json", "{t}/s.py"], ["s.py", "no such file"]),
    ("judge-unknown-extension", {"p.json": GOOD, "s.rb": "puts 1"}, ["judge", "{t}/p.json", "{t}/s.rb"],
     ["s.rb", "'.rb'"]),
    ("judge-solution-not-utf8", {"p.json": GOOD, "s.py": b"print('\xff')"}, ["judge", "{t}/p.json", "{t}/s.py"],
     ["s.py", "not UTF-8"]),
    ("judge-many-problems", {"p.jsonl": TWO, "s.py": "print(1)"}, ["judge", "{t}/p.jsonl", "{t}/s.py"],
     ["p.jsonl", "holds 2 problems"]),
    ("judge-tests-choice", {"p.json": GOOD}, ["judge", "{t}/p.json", "--tests", "secret"], ["--tests", "secret"]),
    # --- batch ----------------------------------------------------------------------------------------------
    ("batch-no-out", {"p.json": GOOD}, ["batch", "{t}/p.json"], ["solve batch", "--out"]),
    ("batch-out-is-a-file", {"p.json": GOOD, "s/p.jsonl": PROGRAM, "run": "x"}, ["batch", "{t}/p.json", "--out",
     "{t}/run", "--samples-from", "{t}/s"], ["run", "--out", "not a directory"]),  # fmt: skip
    ("batch-samples-not-dir", {"p.json": GOOD, "s.jsonl": PROGRAM}, ["batch", "{t}/p.json", "--out", "{t}/run",
     "--samples-from", "{t}/s.jsonl"], ["s.jsonl", "must be a directory"]),  # fmt: skip
    ("batch-missing-problems", {"s/x.jsonl": PROGRAM}, ["batch", "{t}/nope", "--out", "{t}/run", "--samples-from",
     "{t}/s"], ["nope", "no such file"]),  # fmt: skip
    ("override-unknown", {"p.json": GOOD, "s/p.jsonl": PROGRAM}, ["batch", "{t}/p.json", "--out", "{t}/run",
     "--samples-from", "{t}/s", "--overrides", "sampels=4"], ["field 'sampels'", "unknown field"]),  # fmt: skip
    ("override-out-of-range", {"p.json": GOOD, "s/p.jsonl": PROGRAM}, ["batch", "{t}/p.json", "--out", "{t}/run",
     "--samples-from", "{t}/s", "--overrides", "budget=0"], ["field 'budget'"]),  # fmt: skip
    ("override-not-key-value", {"p.json": GOOD, "s/p.jsonl": PROGRAM}, ["batch", "{t}/p.json", "--out", "{t}/run",
     "--samples-from", "{t}/s", "--overrides", "budget"], ["override 'budget'", "key=value"]),  # fmt: skip
    ("override-bad-yaml", {"p.json": GOOD, "s/p.jsonl": PROGRAM}, ["batch", "{t}/p.json", "--out", "{t}/run",
     "--samples-from", "{t}/s", "--overrides", "budget=[1"], ["override 'budget'", "not valid YAML"]),  # fmt: skip
    ("override-device-unknown", {"p.json": GOOD, "s/p.jsonl": PROGRAM}, ["batch", "{t}/p.json", "--out", "{t}/run",
     "--samples-from", "{t}/s", "--overrides", "device=tpu"], ["field 'device'", "'cuda'"]),  # fmt: skip
    ("override-model-missing", {"p.json": GOOD}, ["batch", "{t}/p.json", "--out", "{t}/run", "--overrides",
     "model={t}/nothing"], ["field 'model'", "nothing", "no such file"]),  # fmt: skip
    ("config-missing", {"p.json": GOOD}, ["batch", "{t}/p.json", "--out", "{t}/run", "--config", "{t}/c.yaml"],
     ["c.yaml", "cannot read"]),
    ("config-bad-yaml", {"p.json": GOOD, "c.yaml": "budget: [1"}, ["batch", "{t}/p.json", "--out", "{t}/run",
     "--config", "{t}/c.yaml"], ["c.yaml", "invalid YAML"]),  # fmt: skip
    ("config-list", {"p.json": GOOD, "c.yaml": "- 1\n- 2\n"}, ["batch", "{t}/p.json", "--out", "{t}/run",
     "--config", "{t}/c.yaml"], ["c.yaml", "mapping of settings"]),  # fmt: skip
    ("config-int-keys", {"p.json": GOOD, "c.yaml": "1: 2\n"}, ["batch", "{t}/p.json", "--out", "{t}/run",
     "--config", "{t}/c.yaml"], ["c.yaml", "mapping of settings"]),  # fmt: skip
    ("config-not-utf8", {"p.json": GOOD, "c.yaml": b"budget: \xff"}, ["batch", "{t}/p.json", "--out", "{t}/run",
     "--config", "{t}/c.yaml"], ["c.yaml", "not UTF-8"]),  # fmt: skip
    ("config-wrong-type", {"p.json": GOOD, "c.yaml": "budget: ten\n"}, ["batch", "{t}/p.json", "--out", "{t}/run",
     "--config", "{t}/c.yaml"], ["c.yaml", "field 'budget'"]),  # fmt: skip
    ("config-dtype-unknown", {"p.json": GOOD, "c.yaml": "dtype: fp8\n"}, ["batch", "{t}/p.json", "--out", "{t}/run",
     "--config", "{t}/c.yaml"], ["c.yaml", "field 'dtype'", "'bfloat16'"]),  # fmt: skip
    ("config-nested-deep", {"p.json": GOOD, "c.yaml": "a: " + deep(20_000)}, ["batch", "{t}/p.json", "--out",
     "{t}/run", "--config", "{t}/c.yaml"], ["c.yaml", "invalid YAML"]),  # fmt: skip
    ("resume-other-settings", {"p.json": GOOD, "s/p.jsonl": PROGRAM, "run/config.yaml": "budget: 3\n",
     "run/.lock": ""}, ["batch", "{t}/p.json", "--out", "{t}/run", "--samples-from", "{t}/s"],
     ["config.yaml", "other settings"]),
    # --- evaluate -------------------------------------------------------------------------------------------
    ("evaluate-missing-run", {}, ["evaluate", "{t}/run"], ["run", "config.yaml"]),
    ("evaluate-torn-record", {"run/config.yaml": "judge_all: true\n", "run/problems.jsonl": '{"problem": "p"',
     "run/samples.jsonl": ""}, ["evaluate", "{t}/run"], ["problems.jsonl:1", "not JSON"]),  # fmt: skip
    # --- ablate ---------------------------------------------------------------------------------------------
    ("ablate-missing", {}, ["ablate", "{t}/e.yaml", "--out", "{t}/out"], ["e.yaml", "cannot read"]),
    ("ablate-bad-yaml", {"e.yaml": "name: [x"}, ["ablate", "{t}/e.yaml", "--out", "{t}/out"], ["e.yaml", "invalid YAML"]),
    ("ablate-not-utf8", {"e.yaml": b"name: \xff"}, ["ablate", "{t}/e.yaml", "--out", "{t}/out"], ["e.yaml", "UTF-8"]),
    ("ablate-unknown-field", {"e.yaml": experiment(varaints={})}, ["ablate", "{t}/e.yaml", "--out", "{t}/out"],
     ["e.yaml", "field 'varaints'", "unknown field"]),
    ("ablate-no-variants", {"e.yaml": experiment(variants={})}, ["ablate", "{t}/e.yaml", "--out", "{t}/out"],
     ["e.yaml", "field 'variants'"]),
    ("ablate-variant-typo", {"e.yaml": experiment(variants={"a": {}, "b": {"sampels": 4}})},
     ["ablate", "{t}/e.yaml", "--out", "{t}/out"], ["e.yaml", "variant 'b'", "field 'sampels'", "unknown field"]),
    ("ablate-variant-dtype-unknown", {"e.yaml": experiment(variants={"gpu": {"dtype": "fp8"}})},
     ["ablate", "{t}/e.yaml", "--out", "{t}/out"], ["e.yaml", "variant 'gpu'", "field 'dtype'"]),
    ("ablate-variant-negative-temperature", {"e.yaml": experiment(variants={"hot": {"temperature": -1}})},
     ["ablate", "{t}/e.yaml", "--out", "{t}/out"], ["e.yaml", "variant 'hot'", "field 'temperature'"]),
    ("ablate-base-typo", {"e.yaml": experiment(base={"budgett": 1})}, ["ablate", "{t}/e.yaml", "--out", "{t}/out"],
     ["e.yaml", "base", "field 'budgett'"]),
    ("ablate-model-missing", {"p.json": GOOD, "e.yaml": experiment(base={"model": "{t}/no-model"})},
     ["ablate", "{t}/e.yaml", "--out", "{t}/out"], ["e.yaml", "variant 'a'", "field 'model'", "no-model"]),
    ("ablate-samples-missing", {"p.json": GOOD, "e.yaml": experiment()}, ["ablate", "{t}/e.yaml", "--out", "{t}/out"],
     ["e.yaml", "variant 'a'", "field 'samples_from'"]),
    ("ablate-problems-missing", {"e.yaml": experiment()}, ["ablate", "{t}/e.yaml", "--out", "{t}/out"],
     ["p.json", "no such file"]),
    ("ablate-out-is-a-file", {"p.json": GOOD, "s.jsonl": PROGRAM, "out": "x", "e.yaml": experiment()},
     ["ablate", "{t}/e.yaml", "--out", "{t}/out"], ["out", "--out", "not a directory"]),
    # --- training configs -----------------------------------------------------------------------------------
    ("train-config-missing", {}, ["pretrain", "{t}/c.yaml"], ["c.yaml", "cannot read"]),
    ("train-config-bad-yaml", {"c.yaml": "kind: [x"}, ["pretrain", "{t}/c.yaml"], ["c.yaml", "invalid YAML"]),
    ("train-config-list", {"c.yaml": "- 1\n"}, ["pretrain", "{t}/c.yaml"], ["c.yaml", "mapping"]),
    ("train-unknown-field", {"c.yaml": with_field(TRAIN, "train.stepz", 5)}, ["pretrain", "{t}/c.yaml"],
     ["c.yaml", "field 'train.stepz'", "unknown field"]),
    ("train-wrong-type", {"c.yaml": with_field(TRAIN, "train.steps", "many")}, ["pretrain", "{t}/c.yaml"],
     ["c.yaml", "field 'train.steps'"]),
    ("train-out-of-range", {"c.yaml": TRAIN}, ["pretrain", "{t}/c.yaml", "--overrides", "train.steps=0"],
     ["c.yaml", "field 'train.steps'"]),
    ("train-override-not-key-value", {"c.yaml": TRAIN}, ["pretrain", "{t}/c.yaml", "--overrides", "steps"],
     ["c.yaml", "override 'steps'"]),
    ("train-wrong-kind", {"c.yaml": TRAIN}, ["finetune", "{t}/c.yaml"], ["c.yaml", "field 'kind'"]),
    ("finetune-no-problems", {"c.yaml": with_field(TRAIN, "kind", "finetune")}, ["finetune", "{t}/c.yaml"],
     ["c.yaml", "field 'data.problems'"]),
    ("finetune-missing-problems", {"c.yaml": with_field(with_field(TRAIN, "kind", "finetune"), "data.problems",
     "{t}/NO.jsonl")}, ["finetune", "{t}/c.yaml"], ["c.yaml", "field 'data.problems'", "NO.jsonl"]),  # fmt: skip
    ("finetune-missing-init-from", {"p.json": GOOD, "c.yaml": with_field(with_field(with_field(TRAIN, "kind",
     "finetune"), "data.problems", "{t}/p.json"), "model.init_from", "{t}/NO/MODEL")}, ["finetune", "{t}/c.yaml"],
     ["c.yaml", "field 'model.init_from'", "NO/MODEL"]),  # fmt: skip
    ("train-config-not-utf8", {"c.yaml": b"kind: \xff\xfe\n"}, ["pretrain", "{t}/c.yaml"], ["c.yaml", "UTF-8"]),
    ("train-config-nested", {"c.yaml": deep(100_000)}, ["pretrain", "{t}/c.yaml"], ["c.yaml", "nested"]),
    # --- tokenizer, import ----------------------------------------------------------------------------------
    ("tokenizer-missing-source", {}, ["train-tokenizer", "{t}/NO/SUCH/DIR", "--out", "{t}/tok"],
     ["NO/SUCH/DIR", "no such file"]),
    ("tokenizer-out-is-a-file", {"src/a.py": "x = 1\n", "tok": "x"}, ["train-tokenizer", "{t}/src", "--out",
     "{t}/tok"], ["tok", "--out", "not a directory"]),  # fmt: skip
    ("tokenizer-vocab-too-small", {"src/a.py": "x = 1\n"}, ["train-tokenizer", "{t}/src", "--out", "{t}/tok",
     "--vocab-size", "10"], ["vocab_size", "too small"]),  # fmt: skip
    ("import-unknown-dataset", {}, ["import", "apps", "{t}/x", "--out", "{t}/o.jsonl"], ["'apps'"]),
    ("import-missing-path", {}, ["import", "xcodeeval", "{t}/x.jsonl", "--out", "{t}/o.jsonl"], ["x.jsonl"]),
]


def _write(root: Path, files: dict) -> None:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, Sparse):
            with open(path, "wb") as f:
                f.truncate(content)
        elif isinstance(content, bytes):
            path.write_bytes(content)
        elif isinstance(content, (dict, list)):
            text = yaml.safe_dump(content) if path.suffix == ".yaml" else json.dumps(content)
            path.write_text(text.replace("{t}", str(root)))
        else:
            path.write_text(content.replace("{t}", str(root)))


def _tree(root: Path) -> dict[str, tuple[int, int]]:
    """Every path, and every file's size and modification time; a directory or a run's lock file only by name
    (checking that a directory is writable touches its time, taking the lock writes the pid)."""
    return {str(p.relative_to(root)): (0, 0) if p.is_dir() or p.name == ".lock" else (p.stat().st_size,
            p.stat().st_mtime_ns) for p in root.rglob("*")}  # fmt: skip


@pytest.mark.parametrize("name, files, argv, expected", CASES, ids=[case[0] for case in CASES])
def test_bad_input_gives_one_line(name, files, argv, expected, tmp_path, capsys, monkeypatch):
    root = tmp_path / "case"
    root.mkdir()
    _write(root, files)
    before = _tree(root)
    monkeypatch.chdir(root)  # anything written to a default location would show up here too
    try:
        status = main([arg.replace("{t}", str(root)) for arg in argv])
    except SystemExit as exit_:  # argparse's errors
        status = exit_.code
    err = capsys.readouterr().err
    lines = err.strip().splitlines()
    assert status == 2, err
    assert len(lines) == 1 and "Traceback" not in err, err
    for fragment in expected:
        assert fragment.replace("{t}", str(root)) in lines[0], lines[0]
    assert _tree(root) == before, "something was written"


def test_the_table_covers_every_command():
    commands = {case[2][0] if not case[2][0].startswith("{t}") else "solve" for case in CASES}
    assert {"check", "solve", "judge", "batch", "evaluate", "ablate", "pretrain", "finetune", "train-tokenizer",
            "import"} <= commands  # fmt: skip
    assert len(CASES) >= 90


# --- an output location nobody may write: a read-only mount as root (who ignores permission bits), else chmod ---

READ_ONLY = [
    ["{t}/p.json", "--samples-from", "{t}/s.jsonl", "--out", "{ro}/run"],
    ["batch", "{t}/p.json", "--samples-from", "{t}/s", "--out", "{ro}/run"],
    ["ablate", "{t}/e.yaml", "--out", "{ro}/out"],
    ["train-tokenizer", "{t}/s", "--out", "{ro}/tok"],
]
# The four commands run in one process (imports are most of their cost), each through the CLI as `solve` runs it.
RUN_EACH = """\
import contextlib, io, json, sys
from solver.cli import main
results = []
for argv in json.loads(sys.argv[1]):
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        try:
            status = main(argv)
        except SystemExit as exit_:
            status = exit_.code
    results.append([argv, status, err.getvalue()])
print(json.dumps(results))
"""


def test_read_only_output_is_refused_before_any_work(tmp_path):
    _write(tmp_path, {"p.json": GOOD, "s.jsonl": PROGRAM, "s/p.jsonl": PROGRAM, "e.yaml": experiment()})
    read_only = tmp_path / "ro"
    read_only.mkdir()
    argvs = [[a.replace("{t}", str(tmp_path)).replace("{ro}", str(read_only)) for a in argv] for argv in READ_ONLY]
    command = [sys.executable, "-c", RUN_EACH, json.dumps(argvs)]
    if os.geteuid() == 0:
        if not shutil.which("unshare"):
            pytest.skip("needs unshare(1) to mount a read-only directory as root")
        script = 'mount --bind -o ro "$0" "$0" && exec "$@"'
        command = ["unshare", "--mount", "sh", "-c", script, str(read_only), *command]
    else:
        read_only.chmod(0o555)
    try:
        result = subprocess.run(command, capture_output=True, text=True, cwd=REPO, timeout=600)
    finally:
        read_only.chmod(0o755)
    assert result.returncode == 0, result.stderr
    results = json.loads(result.stdout)
    assert len(results) == len(READ_ONLY)
    for argv, status, err in results:
        lines = err.strip().splitlines()
        assert status == 2 and len(lines) == 1, (argv, err)
        assert str(read_only) in lines[0] and "--out" in lines[0] and "cannot write" in lines[0], (argv, err)
    assert list(read_only.iterdir()) == []
