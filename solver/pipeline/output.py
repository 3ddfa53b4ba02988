"""What a solve run leaves behind: per-sample records, the report, the submissions, and the console summary.

`--out DIR` gets
    submissions/01.py, 02.cpp, ...   the chosen programs, in submission order
    samples.jsonl                    one line per sample (duplicates included): metadata, scores, verdicts, cluster
    report.json                      every count and per-stage seconds, the choices, the hidden-test outcome
    config.yaml                      the resolved settings
The directory is built beside its destination and swapped in whole, so a crash never leaves half of it.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from solver.pipeline.config import config_yaml
from solver.pipeline.solve import SolveResult
from test_generator.generators import programs_summary

TOP_CLUSTERS = 20  # cluster sizes listed in the report and the console


def safe_name(name: str) -> str:
    """A problem name as a file name: letters, digits, dot, dash and underscore kept, the rest '_'."""
    return re.sub(r"[^A-Za-z0-9._-]+", "_", name).strip("._") or "problem"


def sample_records(result: SolveResult) -> list[dict[str, Any]]:
    cluster_of = {pid: i for i, c in enumerate(result.behaviour.clusters) for pid in c.members}
    chosen_rank = {c.program_id: rank for rank, c in enumerate(result.choices, start=1)}
    first_id: dict[str, str] = {}
    records = []
    for s in result.samples.samples:
        pid, sample = s.program_id, s.sample
        report = result.filtered.reports.get(pid) if pid else None
        hidden = result.hidden.get(pid) if (pid and result.hidden is not None) else None
        spec = sample.spec
        records.append({
            "id": s.id,
            "program_id": pid,
            "duplicate_of": first_id.get(pid) if pid else None,
            "language": sample.language.value,
            "code": sample.code,
            "prompt": None if spec is None else {"rating": spec.rating, "tags": list(spec.tags),
                                                 "language": spec.language.value},
            "n_tokens": sample.n_tokens,
            "logprob_sum": sample.logprob_sum,
            "logprob_mean": sample.logprob_mean,
            "value": sample.value,
            "finished": sample.finished,
            "public_verdict": result.filtered.verdict_of(pid),
            "passed_public": bool(report and report.accepted),
            "signature": list(result.behaviour.signatures[pid]) if pid in result.behaviour.signatures else None,
            "cluster": cluster_of.get(pid),
            "chosen": chosen_rank.get(pid) if pid and first_id.get(pid) is None else None,
            "hidden_verdict": hidden.verdict.value if hidden else None,
            "correct": result.correct(pid) if pid else False,
            "extra": dict(sample.extra),
        })
        if pid:
            first_id.setdefault(pid, s.id)
    return records


def submission_name(rank: int, language_extension: str) -> str:
    return f"{rank:02d}{language_extension}"


def report(result: SolveResult) -> dict[str, Any]:
    samples, filtered, behaviour = result.samples, result.filtered, result.behaviour
    first = {s.program_id: s.id for s in reversed(samples.samples) if s.program_id}
    chosen = []
    for rank, c in enumerate(result.choices, start=1):
        program = samples.programs[c.program_id]
        hidden = result.hidden.get(c.program_id) if result.hidden is not None else None
        chosen.append({
            "rank": rank, "file": f"submissions/{submission_name(rank, program.language.extension)}",
            "sample_id": first[c.program_id], "program_id": c.program_id, "language": program.language.value,
            "cluster": c.cluster_index, "cluster_size": c.cluster_size, "round": c.round, "score": c.score,
            "hidden_verdict": hidden.verdict.value if hidden else None, "correct": result.correct(c.program_id),
        })
    hidden_tests = result.problem.hidden_tests
    return {
        "problem": result.problem.name,
        "source": result.source,
        "isolation": result.isolation,
        "seconds": result.seconds,
        "samples": {
            "total": len(samples.samples), "distinct_programs": len(samples.programs),
            "duplicates": samples.n_duplicates, "no_code": samples.n_no_code,
            "malformed_lines": [{"line": m.line, "reason": m.reason} for m in result.malformed],
        },
        "filtering": {
            "enabled": result.config.filtering, "compiled_programs": len(filtered.compiled),
            "passed_programs": len(filtered.passed),
            "passed_samples": sum(samples.counts[p] for p in filtered.passed), "samples_by_verdict": filtered.by_verdict,
        },
        "inputs": {
            "generated": len(result.inputs.inputs), "by_source": result.inputs.by_source(),
            "duplicates_dropped": result.inputs.duplicates, "invalid_dropped": result.inputs.invalid,
            "validation": result.inputs.validation,
            "generators": result.inputs.generators.as_dict(), "validators": result.inputs.validators.as_dict(),
        },
        "clustering": {
            "enabled": result.config.clustering, "pool_programs": len(result.pool), "clusters": len(behaviour.clusters),
            "largest_sizes": [c.size for c in behaviour.clusters[:TOP_CLUSTERS]],
            "not_clustered": behaviour.not_clustered,
            # what the time budget dropped or skipped, and the inputs the population's evidence dropped
            "budget": behaviour.budget.as_dict() if behaviour.budget else None,
            "inputs": behaviour.evidence.as_dict() if behaviour.evidence else None,
        },
        "selection": {"budget": result.config.budget, "order": result.config.order, "pick": result.config.pick,
                      "fallback": result.fallback or None, "chosen": chosen},
        "hidden": None if result.hidden is None else {
            "tests": len(hidden_tests), "judged_programs": len(result.hidden),
            "correct_chosen": result.n_correct_chosen, "solved": bool(result.n_correct_chosen),
        },
    }


def _write_text(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def write_outputs(result: SolveResult, out: Path) -> None:
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    try:
        for rank, c in enumerate(result.choices, start=1):
            program = result.samples.programs[c.program_id]
            _write_text(staging / "submissions" / submission_name(rank, program.language.extension), program.source)
        (staging / "submissions").mkdir(exist_ok=True)
        lines = (json.dumps(r, ensure_ascii=False) + "\n" for r in sample_records(result))
        _write_text(staging / "samples.jsonl", "".join(lines))
        _write_text(staging / "report.json", json.dumps(report(result), indent=2) + "\n")
        _write_text(staging / "config.yaml", config_yaml(result.config))
        old = None
        if out.exists():
            old = out.with_name(f".{out.name}.old-{os.getpid()}")
            out.rename(old)
        staging.rename(out)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def print_summary(result: SolveResult, console: Console) -> None:
    rep = report(result)
    s, f, i, c = rep["samples"], rep["filtering"], rep["inputs"], rep["clustering"]
    stages = Table(title=f"{result.problem.name} — {result.source}", show_header=True)
    for column in ("stage", "result", "seconds"):
        stages.add_column(column)
    sec = result.seconds
    stages.add_row("sampling", f"{s['total']} samples, {s['distinct_programs']} distinct, {s['duplicates']} duplicates, "
                   f"{s['no_code']} without code" + (f", {len(s['malformed_lines'])} malformed lines" if
                   s['malformed_lines'] else ""), f"{sec.get('sampling', 0):.1f}")
    verdicts = ", ".join(f"{k} {v}" for k, v in f["samples_by_verdict"].items())
    stages.add_row("filtering", f"{f['compiled_programs']} compiled, {f['passed_programs']} passed the examples "
                   f"({f['passed_samples']} samples); by sample: {verdicts}", f"{sec.get('filtering', 0):.1f}")
    sources = ", ".join(f"{k} {v}" for k, v in i["by_source"].items()) or "none"
    programs = programs_summary(result.inputs.generators, result.inputs.validators)
    stages.add_row("inputs", f"{i['generated']} generated ({sources})" + (f"; {programs}" if programs else ""),
                   f"{sec.get('inputs', 0):.1f}")  # fmt: skip
    sizes = ", ".join(str(x) for x in c["largest_sizes"][:10]) or "-"
    stages.add_row("clustering", f"{c['clusters']} clusters of {c['pool_programs']} programs; largest: {sizes}",
                   f"{sec.get('clustering', 0):.1f}")
    if "hidden" in sec:
        stages.add_row("hidden", f"{rep['hidden']['judged_programs']} judged on {rep['hidden']['tests']} tests",
                       f"{sec['hidden']:.1f}")
    console.print(stages)
    if result.fallback:
        console.print(f"[yellow]note:[/] {result.fallback}")
    chosen = Table(title=f"{len(result.choices)} submissions (order {result.config.order}, pick {result.config.pick})")
    for column in ("#", "file", "sample", "cluster", "size", "score", "hidden"):
        chosen.add_column(column)
    for entry in rep["selection"]["chosen"]:
        hidden = entry["hidden_verdict"] or "-"
        style = "green" if entry["correct"] else ("red" if entry["correct"] is False else "")
        chosen.add_row(str(entry["rank"]), entry["file"], entry["sample_id"], str(entry["cluster"]),
                       str(entry["cluster_size"]), "-" if entry["score"] is None else f"{entry['score']:.3f}",
                       f"[{style}]{hidden}[/]" if style else hidden)
    if result.choices:  # an empty table says nothing the note above has not
        console.print(chosen)
    if rep["hidden"] is not None:
        h = rep["hidden"]
        verdict = "[green]SOLVED[/]" if h["solved"] else "[red]not solved[/]"
        console.print(f"{verdict}: {h['correct_chosen']} of {len(result.choices)} submissions pass every test")
