"""Dataset importers on small files written here in the real schemas: CodeContests parquet (nested columns as in
the Hugging Face release) and xCodeEval program-synthesis JSONL (JSON-string lists, \\r\\n, cut-short tests)."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from solver.cli import main
from solver.importers import import_codecontests, import_command, import_xcodeeval
from solver.problem import Language, ProblemFormatError, load_problems

# ------------------------------------------------------------------------------------------------ CodeContests

TESTS = pa.struct([("input", pa.list_(pa.string())), ("output", pa.list_(pa.string()))])
SOLUTIONS = pa.struct([("language", pa.list_(pa.int64())), ("solution", pa.list_(pa.string()))])
# The column types of the release's parquet shards (ClassLabel enums are stored as int64).
RELEASE_SCHEMA = pa.schema([
    ("name", pa.string()), ("description", pa.string()),
    ("public_tests", TESTS), ("private_tests", TESTS), ("generated_tests", TESTS),
    ("source", pa.int64()), ("difficulty", pa.int64()),
    ("solutions", SOLUTIONS), ("incorrect_solutions", SOLUTIONS),
    ("cf_contest_id", pa.int64()), ("cf_index", pa.string()), ("cf_points", pa.float32()),
    ("cf_rating", pa.int32()), ("cf_tags", pa.list_(pa.string())),
    ("is_description_translated", pa.bool_()), ("untranslated_description", pa.string()),
    ("time_limit", pa.struct([("seconds", pa.int64()), ("nanos", pa.int64())])),
    ("memory_limit_bytes", pa.int64()), ("input_file", pa.string()), ("output_file", pa.string()),
])  # fmt: skip


def cc_row(name: str, **overrides) -> dict:
    row = {
        "name": name,
        "description": f"{name}: print the sum.\n\nInput\n\nTwo integers.\n\nOutput\n\nTheir sum.",
        "public_tests": {"input": ["1 2\n"], "output": ["3\n"]},
        "private_tests": {"input": ["5 5\n", "0 0\r\n"], "output": ["10\n", "0\r\n"]},
        "generated_tests": {"input": ["7 1\n"], "output": ["8\n"]},
        "source": 2,
        "difficulty": 7,
        "solutions": {"language": [3, 2], "solution": ["print(sum(map(int, input().split())))", "int main() {}"]},
        "incorrect_solutions": {"language": [1], "solution": ["print 3"]},
        "cf_contest_id": 1,
        "cf_index": "A",
        "cf_points": 500.0,
        "cf_rating": 800,
        "cf_tags": ["math", "implementation"],
        "is_description_translated": False,
        "untranslated_description": "",
        "time_limit": {"seconds": 1, "nanos": 500_000_000},
        "memory_limit_bytes": 256 * 1024 * 1024,
        "input_file": "",
        "output_file": "",
    }
    row.update(overrides)
    return row


def write_shard(path: Path, rows: list[dict]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(pa.Table.from_pylist(rows, schema=RELEASE_SCHEMA), path, row_group_size=2)
    return path


def test_codecontests_directory_of_shards(tmp_path):
    shards = tmp_path / "code_contests" / "data"
    write_shard(shards / "train-00000-of-00002.parquet", [cc_row("1_A. Sum"), cc_row("1_B. Unrated", cf_rating=0,
                cf_contest_id=0, cf_index="", memory_limit_bytes=0, time_limit=None, private_tests=None)])  # fmt: skip
    write_shard(shards / "train-00001-of-00002.parquet", [
        cc_row("2_A. Files", input_file="input.txt", output_file="output.txt"),
        cc_row("2_B. Zero limit", time_limit={"seconds": 0, "nanos": 0}, cf_tags=[]),
        cc_row("1_A. Sum"),  # the same problem again (e.g. in another split): written once
    ])  # fmt: skip
    out = tmp_path / "out" / "codecontests.jsonl"
    report = import_codecontests(shards, out)
    assert report.problems == 3
    assert sorted(s.reason.split(" ")[0] for s in report.skipped) == ["repeated", "uses"]
    assert any("train-00001-of-00002.parquet:row 1" in s.where and "input_file" in s.reason for s in report.skipped)

    problems = {p.name: p for p in load_problems(out)}
    assert list(problems) == ["1_A. Sum", "1_B. Unrated", "2_B. Zero limit"]
    first = problems["1_A. Sum"]
    assert first.public_tests.input == ("1 2\n",)
    assert first.private_tests.input == ("5 5\n", "0 0\n") and first.private_tests.output == ("10\n", "0\n")
    assert first.generated_tests.output == ("8\n",)
    assert first.solutions.language == (Language.PYTHON3, Language.CPP)
    assert first.incorrect_solutions.language == (Language.PYTHON,)
    assert first.time_limit_seconds == 1.5 and first.memory_limit == 256 * 1024 * 1024
    assert (first.cf_rating, first.cf_contest_id, first.cf_index) == (800, 1, "A")
    assert first.cf_tags == ("math", "implementation")
    assert (first.source, first.difficulty) == (2, 7)
    unrated = problems["1_B. Unrated"]  # the proto's unset values read as "not given"
    assert (unrated.cf_rating, unrated.cf_contest_id, unrated.cf_index, unrated.memory_limit_bytes) == (None,) * 4
    assert unrated.time_limit is None and len(unrated.private_tests) == 0
    assert problems["2_B. Zero limit"].time_limit is None
    assert not list(out.parent.glob(".*tmp"))


def test_codecontests_parquet_written_by_pandas(tmp_path):
    # pandas turns dict columns into structs and list columns into lists of the inferred type; reading back with
    # pandas would give numpy arrays inside, which the importer must not pass on.
    frame = pd.DataFrame([cc_row("3_C. Pandas"), cc_row("3_D. Pandas too", cf_tags=["dp"])])
    path = tmp_path / "valid-00000-of-00001.parquet"
    frame.to_parquet(path, engine="pyarrow", index=False)
    assert pa.types.is_struct(pq.read_schema(path).field("public_tests").type)
    out = tmp_path / "valid.jsonl"
    assert import_codecontests(path, out).problems == 2
    problems = load_problems(out)
    assert [p.cf_tags for p in problems] == [("math", "implementation"), ("dp",)]
    assert problems[0].solutions.solution[0].startswith("print(")
    json.loads(out.read_text().splitlines()[0])  # plain JSON, no numpy leftovers


def test_codecontests_invalid_row_names_file_row_and_field_and_writes_nothing(tmp_path):
    shard = write_shard(tmp_path / "test-00000-of-00001.parquet", [
        cc_row("1_A. Fine"), cc_row("1_B. Broken", private_tests={"input": ["1\n", "2\n"], "output": ["1\n"]}),
    ])  # fmt: skip
    out = tmp_path / "out.jsonl"
    out.write_text("previous import\n")
    with pytest.raises(ProblemFormatError) as error:
        import_codecontests(shard, out)
    message = str(error.value)
    assert "\n" not in message
    assert f"{shard}:row 2" in message and "1_B. Broken" in message and "private_tests" in message
    assert out.read_text() == "previous import\n"  # the earlier output is untouched
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl", "test-00000-of-00001.parquet"]


def test_codecontests_missing_column_and_bad_paths(tmp_path):
    path = tmp_path / "x.parquet"
    pq.write_table(pa.Table.from_pylist([{"name": "a", "public_tests": {"input": [], "output": []}}]), path)
    out = tmp_path / "out.jsonl"
    with pytest.raises(ProblemFormatError, match=r"x\.parquet: missing column 'description'"):
        import_codecontests(path, out)
    assert not out.exists()
    (tmp_path / "empty").mkdir()
    with pytest.raises(ProblemFormatError, match="no .parquet files"):
        import_codecontests(tmp_path / "empty", out)
    (tmp_path / "junk.parquet").write_text("not parquet")
    with pytest.raises(ProblemFormatError, match="not a readable parquet file"):
        import_codecontests(tmp_path / "junk.parquet", out)
    assert not out.exists()


# ------------------------------------------------------------------------------------------------ xCodeEval


def xce_row(uid: str, **overrides) -> dict:
    row = {
        "prob_desc_input_from": "standard input",
        "prob_desc_output_to": "standard output",
        "lang": "",
        "lang_cluster": "",
        "src_uid": uid,
        "difficulty": 1300,
        "prob_desc_sample_inputs": json.dumps(["3\n1 2 3", "2\n...\n.#."]),
        "prob_desc_sample_outputs": json.dumps(["6", "1"]),
        "prob_desc_time_limit": "2 seconds",
        "prob_desc_memory_limit": "64 megabytes",
        "tags": ["math", "brute force"],
        "prob_desc_description": "Given $$$n$$$ numbers, print their sum.",
        "prob_desc_input_spec": "The first line contains $$$n$$$ ($$$1 \\le n \\le 100$$$).",
        "prob_desc_output_spec": "Print the sum.",
        "prob_desc_notes": "NoteThe dots in the second example are data.",
        "source_code": "",
        "exec_outcome": "",
        "code_uid": "",
        "file_name": "prog_syn_val.jsonl",
        "prob_desc_created_at": "1600000000",
        "hidden_unit_tests": json.dumps([
            {"input": "3\r\n1 2 3\r\n", "output": ["6"]},
            {"input": "2\r\n...\r\n", "output": ["0\r\n", "0", "zero"]},  # a complete input ending in dots
            {"input": "100\r\n1 1 1 1 1 1 1 1 1 1 1...", "output": ["100"]},  # input cut short
            {"input": "1\r\n5\r\n", "output": ["5", "5 5 5 5 5 5 5 5..."]},  # one alternative cut short
            {"input": "4\r\n9 9 9 9\r\n", "output": ["36 36 36 36..."]},  # the only output cut short
        ]),
    }  # fmt: skip
    row.update(overrides)
    return row


def write_jsonl(path: Path, rows: list) -> Path:
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in rows), encoding="utf-8")
    return path


def test_xcodeeval_problem_fields(tmp_path):
    source = write_jsonl(tmp_path / "prog_syn_val.jsonl", [xce_row("aa11"), xce_row("bb22", prob_desc_notes="",
                         difficulty=None, tags="[\"dp\"]", prob_desc_time_limit="0.5 seconds")])  # fmt: skip
    out = tmp_path / "xce.jsonl"
    report = import_xcodeeval(source, out)
    assert report.problems == 2
    assert report.tests_dropped == {"input": 2, "output": 2}
    first, second = load_problems(out)
    assert first.name == "aa11"
    assert first.description == (
        "Given n numbers, print their sum.\n\n"
        "Input\n\nThe first line contains n (1 \\le n \\le 100).\n\n"
        "Output\n\nPrint the sum.\n\n"
        "Examples\n\n"
        "Input\n\n3\n1 2 3\n\n\nOutput\n\n6\n\n\n"
        "Input\n\n2\n...\n.#.\n\n\nOutput\n\n1\n\n\n"
        "Note\n\nThe dots in the second example are data.\n"
    )
    assert first.public_tests.input == ("3\n1 2 3\n", "2\n...\n.#.\n") and first.public_tests.output == ("6", "1")
    assert first.private_tests.input == ("3\n1 2 3\n", "2\n...\n", "1\n5\n")
    assert first.private_tests.output == ("6", ("0\n", "zero"), "5")  # "0" and "0\n" are one answer
    assert (first.time_limit_seconds, first.memory_limit) == (2.0, 64 * 1024 * 1024)
    assert (first.cf_rating, first.cf_tags) == (1300, ("math", "brute force"))
    assert second.time_limit_seconds == 0.5 and second.cf_rating is None and second.cf_tags == ("dp",)
    assert "Note" not in second.description


def skeleton(description: str) -> list[tuple[str, int, int]]:
    """Each heading line with the number of blank lines just before and after it."""
    lines = description.split("\n")
    shape = []
    for i, line in enumerate(lines):
        if line in ("Input", "Output", "Example", "Examples", "Note"):
            before = next(j for j in range(i) if lines[i - 1 - j].strip()) if i else 0
            after = next(j for j in range(len(lines) - i - 1) if lines[i + 1 + j].strip())
            shape.append((line, before, after))
    return shape


def test_xcodeeval_layout_matches_the_example_problems(tmp_path):
    # The headings and spacing of problems/examples, so prompts from both sources look alike.
    example = json.loads((Path(__file__).parents[1] / "problems/examples/lamp_garland.json").read_text())
    one_example = xce_row("ff66", prob_desc_sample_inputs=json.dumps(["3\n1 2 3"]), prob_desc_sample_outputs='["6"]')
    import_xcodeeval(write_jsonl(tmp_path / "in.jsonl", [one_example]), tmp_path / "out.jsonl")
    (imported,) = load_problems(tmp_path / "out.jsonl")
    assert skeleton(imported.description) == skeleton(example["description"])
    headings = [heading for heading, _, _ in skeleton(imported.description)]
    assert headings == ["Input", "Output", "Example", "Input", "Output", "Note"]


def test_xcodeeval_merges_submissions_and_skips_file_io(tmp_path):
    rows = [
        xce_row("cc33", lang="GNU C++17", lang_cluster="C++", source_code="int main(){}", exec_outcome="PASSED"),
        xce_row("cc33", lang="PyPy 3", lang_cluster="Python", source_code="print(6)", exec_outcome="WRONG_ANSWER"),
        xce_row("cc33", lang="Python 3", lang_cluster="Python", source_code="print(sum([]))", exec_outcome="PASSED"),
        xce_row("cc33", lang="Kotlin 1.7", lang_cluster="Kotlin", source_code="fun main() {}", exec_outcome="PASSED"),
        xce_row("dd44", prob_desc_input_from="input.txt", prob_desc_output_to="output.txt"),
    ]
    source = write_jsonl(tmp_path / "train.jsonl", rows)
    report = import_xcodeeval(source, tmp_path / "out.jsonl")
    assert (report.problems, report.merged, report.solutions_dropped) == (1, 3, 1)
    assert len(report.skipped) == 1 and report.skipped[0].where == f"{source}:5"
    assert "input.txt" in report.skipped[0].reason
    (problem,) = load_problems(tmp_path / "out.jsonl")
    assert problem.solutions.language == (Language.CPP, Language.PYTHON3)
    assert problem.incorrect_solutions.solution == ("print(6)",)


@pytest.mark.parametrize(
    "line, fragment",
    [
        ("{not json", ":2: invalid JSON"),
        (json.dumps({k: v for k, v in xce_row("ee55").items() if k != "prob_desc_description"}),
         ":2: field 'prob_desc_description': missing"),
        (json.dumps(xce_row("ee55", prob_desc_sample_inputs="[\"1\"")), ":2: field 'prob_desc_sample_inputs': not a JSON list"),
        (json.dumps(xce_row("ee55", prob_desc_time_limit="two seconds")), ":2: field 'prob_desc_time_limit'"),
        (json.dumps(xce_row("ee55", hidden_unit_tests="[{\"input\": \"1\"}]")), ":2: field 'hidden_unit_tests[0]'"),
        (json.dumps(xce_row("ee55", difficulty="hard")), ":2: field 'difficulty'"),
        (json.dumps(["a list"]), ":2: expected a JSON object"),
    ],
)  # fmt: skip
def test_xcodeeval_malformed_line_is_one_clear_error_and_nothing_is_written(tmp_path, line, fragment):
    source = write_jsonl(tmp_path / "bad.jsonl", [xce_row("aa11"), line, xce_row("zz99")])
    out = tmp_path / "out.jsonl"
    with pytest.raises(ProblemFormatError) as error:
        import_xcodeeval(source, out)
    message = str(error.value)
    assert "\n" not in message and message.startswith(str(source)) and fragment in message
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.jsonl"]


def test_output_must_be_jsonl(tmp_path):
    from solver.errors import UsageError

    source = write_jsonl(tmp_path / "in.jsonl", [xce_row("aa11")])
    with pytest.raises(UsageError, match=r"\.jsonl"):
        import_xcodeeval(source, tmp_path / "out.json")


def test_import_command_through_the_cli(tmp_path, capsys):
    source = write_jsonl(tmp_path / "in.jsonl", [xce_row("aa11")])
    out = tmp_path / "problems.jsonl"
    assert main(["import", "xcodeeval", str(source), "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert f"wrote 1 problems to {out}" in printed and "dropped 2 truncated tests" in printed
    assert main(["import", "xcodeeval", str(tmp_path / "missing.jsonl"), "--out", str(out)]) == 2
    assert "no such file" in capsys.readouterr().err
    assert import_command("xcodeeval", source, out=tmp_path / "again.jsonl") == 0
