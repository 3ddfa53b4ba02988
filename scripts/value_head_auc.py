"""How well a model's value head tells correct programs from incorrect ones: ROC AUC on known solutions.

Every correct and incorrect Python 3 / C++ solution stored in the problem files is scored by the value head
(sigmoid of its logit, one teacher-forced forward pass) under two prompt headers:
- `CORRECT SOLUTION`, as at sampling time, where the value head is meant to rank samples (`--pick value`);
- the solution's true label, as in fine-tuning. The header gives the answer away there, so a much higher AUC under
  this header than under the first means the head learnt to read the header rather than the program.
Solutions longer than the decoder window are left out and counted. The bundled problems were never trained on.

    .venv/bin/python scripts/value_head_auc.py [--model solver/data/default-model] [--problems problems/examples]
                                               [--json results/value-head/auc.json]
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from pathlib import Path

import torch
from rich.console import Console
from rich.table import Table
from sklearn.metrics import roc_auc_score

from solver.model import AlphaCodeForConditionalGeneration
from solver.model.prompt import build_prompt, encode_program, encode_prompt, spec_from_problem
from solver.model.tokenizer import load_tokenizer
from solver.pipeline.sampling import DEFAULT_MODEL_DIR
from solver.problem import Language, load_problems

ROOT = Path(__file__).resolve().parents[1]
HEADERS = ("sampling", "true_label")  # CORRECT SOLUTION for all / the solution's own label


def score(model, tokenizer, problem, language: Language, code: str, correct_header: bool) -> float | None:
    cfg = model.config
    program = encode_program(tokenizer, code, cfg.max_decoder_len)
    if program.truncated:
        return None
    prompt = encode_prompt(tokenizer, build_prompt(problem, spec_from_problem(problem, language, correct_header)),
                           cfg.max_encoder_len)  # fmt: skip
    with torch.no_grad():
        out = model(input_ids=torch.tensor([prompt.ids]), decoder_input_ids=torch.tensor([program.ids[:-1]]),
                    use_cache=False, return_value=True)  # fmt: skip
    return float(torch.sigmoid(out.value_logits[0]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=DEFAULT_MODEL_DIR)
    parser.add_argument("--problems", type=Path, default=ROOT / "problems" / "examples")
    parser.add_argument("--json", type=Path, default=ROOT / "results" / "value-head" / "auc.json")
    args = parser.parse_args()

    torch.manual_seed(0)
    model = AlphaCodeForConditionalGeneration.from_pretrained(args.model, dtype=torch.float32).eval()
    tokenizer = load_tokenizer(args.model)
    started = time.perf_counter()
    rows, too_long = [], 0
    for problem in load_problems(args.problems):
        public = problem.public_view()
        for correct, solutions in ((True, problem.solutions), (False, problem.incorrect_solutions)):
            for language, code in zip(solutions.language, solutions.solution):
                if language not in (Language.PYTHON3, Language.CPP):
                    continue
                scores = {h: score(model, tokenizer, public, language, code, correct or h == "sampling")
                          for h in HEADERS}  # fmt: skip
                if scores["sampling"] is None:
                    too_long += 1
                    continue
                rows.append({"problem": problem.name, "language": language.value, "correct": correct, **scores})

    def auc(subset: list[dict], header: str) -> float | None:
        labels = [r["correct"] for r in subset]
        return float(roc_auc_score(labels, [r[header] for r in subset])) if len(set(labels)) == 2 else None

    groups = {"all": rows, **{lang.value: [r for r in rows if r["language"] == lang.value]
                              for lang in (Language.PYTHON3, Language.CPP)}}  # fmt: skip
    summary = {
        name: {"solutions": len(subset), "correct": sum(r["correct"] for r in subset),
               **{f"auc_{h}": auc(subset, h) for h in HEADERS}}
        for name, subset in groups.items()
    }  # fmt: skip
    table = Table(title=f"value head ROC AUC — {args.model.name} on {args.problems.name}")
    for column in ("solutions", "correct", "AUC, CORRECT SOLUTION header", "AUC, true-label header"):
        table.add_column(column if column != "solutions" else "set / solutions")
    for name, s in summary.items():
        fmt = [("-" if s[f"auc_{h}"] is None else f"{s[f'auc_{h}']:.3f}") for h in HEADERS]
        table.add_row(f"{name} / {s['solutions']}", str(s["correct"]), *fmt)
    Console().print(table)

    result = {
        "command": "python " + " ".join([str(Path(sys.argv[0]).relative_to(ROOT)
                                             if Path(sys.argv[0]).is_absolute() else sys.argv[0]), *sys.argv[1:]]),
        "model": str(args.model.relative_to(ROOT) if args.model.is_relative_to(ROOT) else args.model),
        "problems": str(args.problems.relative_to(ROOT) if args.problems.is_relative_to(ROOT) else args.problems),
        "machine": {"cpus": torch.get_num_threads(), "python": platform.python_version()},
        "seconds": round(time.perf_counter() - started, 2),
        "left_out_over_decoder_window": too_long,
        "summary": summary,
        "solutions": rows,
    }  # fmt: skip
    args.json.parent.mkdir(parents=True, exist_ok=True)
    tmp = args.json.with_suffix(".tmp")
    tmp.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    tmp.replace(args.json)
    print(f"wrote {args.json}")


if __name__ == "__main__":
    main()
