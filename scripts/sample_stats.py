"""What the samples of a batch run were: per problem, how they fared on the examples and the hidden tests.

Reads RUN/samples.jsonl (as written by `solve batch` or a variant of `solve ablate`) and prints a Markdown table:
samples, mean generated tokens, samples cut at the token limit, samples that print an input prompt on standard
output (checked on the code by `solver.pipeline.causal.prompts_for_input`), verdicts on the examples, and hidden-test verdicts of the programs that passed them.

    .venv/bin/python scripts/sample_stats.py RUN [--out FILE.md]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

import pandas as pd

from solver.pipeline.causal import prompts_for_input
from solver.problem import Language


def rows(run: Path) -> list[dict]:
    by_problem: dict[str, list[dict]] = {}
    for line in (run / "samples.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            by_problem.setdefault(record["problem"], []).append(record)
    table = []
    for problem, records in by_problem.items():
        tokens = [r["n_tokens"] for r in records if r.get("n_tokens") is not None]
        public = Counter(r["public_verdict"] or "no code" for r in records)
        hidden = Counter(r["hidden_verdict"] for r in records if r["passed_public"] and r["hidden_verdict"])
        table.append({
            "problem": problem,
            "samples": len(records),
            "mean tokens": round(sum(tokens) / len(tokens)) if tokens else None,
            "cut at limit": sum(r.get("finished") is False for r in records),
            "input prompts": sum(bool(r["code"]) and prompts_for_input(r["code"], Language(r["language"]))
                                 for r in records),
            "on examples": ", ".join(f"{v} {n}" for v, n in public.most_common()),
            "passed: hidden": ", ".join(f"{v} {n}" for v, n in hidden.most_common()) or "-",
            "correct": sum(bool(r["correct"]) for r in records),
        })  # fmt: skip
    return table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("run", type=Path)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    frame = pd.DataFrame(rows(args.run))
    total = {"problem": "all", "samples": int(frame["samples"].sum()), "mean tokens": None,
             "cut at limit": int(frame["cut at limit"].sum()), "input prompts": int(frame["input prompts"].sum()),
             "on examples": "", "passed: hidden": "", "correct": int(frame["correct"].sum())}  # fmt: skip
    text = pd.concat([frame, pd.DataFrame([total])], ignore_index=True).to_markdown(index=False) + "\n"
    print(text, end="")
    if args.out is not None:
        args.out.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
