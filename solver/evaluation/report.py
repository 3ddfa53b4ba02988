"""Metrics tables and plots from saved run records: `solve evaluate RUN` and the end of `solve ablate`.

For each problem: pass@k, and n@k (n = the run's budget) under the four choosing rules — filtering + clustering
(AlphaCode), filtering only, clustering only, neither — all from the one set of saved samples. Then means over
problems, by rating band, by tag and (for task-family instances) by family, and the value head's ROC AUC as a correctness predictor when samples carry a
value. An experiment's summary takes, for each variant, the rule its own config selects.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

import pandas as pd
import yaml
from rich.console import Console
from rich.table import Table

from solver.evaluation.metrics import VARIANTS, Outcome, curve, pass_at_k, value_auc
from solver.evaluation.runs import ProblemRecords, load_run
from solver.evaluation.tables import label, summarise, write_tables
from solver.pipeline.config import SolveConfig

console = Console(highlight=False)
SCORE_FIELD = {"mean-logprob": "logprob_mean", "value": "value"}
FAMILY_NAME = re.compile(r"([a-z][a-z0-9_]*)\.(?:train|valid|heldout|test|check)\.\d+")


def default_ks(n: int) -> list[int]:
    """1, 2, 4, ... up to n, and n itself: even steps on the log axis of the plots."""
    ks, k = [], 1
    while k < n:
        ks.append(k)
        k *= 2
    return [*ks, n] if n >= 1 else []


def family_of(problem_name: str) -> str | None:
    """The task family of a problem built by `solve families build` (named FAMILY.SPLIT.INDEX), else None."""
    match = FAMILY_NAME.fullmatch(problem_name)
    return match.group(1) if match else None


def variant_of(config: SolveConfig) -> str:
    """The n@k column that matches a config's own choosing rule."""
    return next(name for name, flags in VARIANTS.items() if flags == (config.filtering, config.clustering))


def run_metrics(run: Path, config: SolveConfig, ks: list[int] | None, subsets: int) -> tuple[pd.DataFrame, list]:
    problems = load_run(run, SCORE_FIELD.get(config.pick))
    frames = []
    for p in problems:
        wanted = ks or default_ks(p.n_samples)
        usable = [k for k in wanted if k <= p.n_samples]
        frame = curve(p.outcomes, usable, n_submissions=config.budget, order=config.order, pick=config.pick,
                      subsets=subsets, seed=config.seed)  # fmt: skip
        frames.append(label(frame, problem=p.name, cf_rating=p.rating, cf_tags=p.tags))
    per_problem = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
    return per_problem, problems


def value_quality(problems: list[ProblemRecords]) -> float | None:
    """ROC AUC of the value head over every sample of every problem (None without values or with one class)."""
    pairs = [pair for p in problems for pair in p.values]
    if not pairs:
        return None
    return value_auc([Outcome(1, True, correct, None, score) for score, correct in pairs])


def _config_of(run: Path) -> SolveConfig:
    return SolveConfig(**yaml.safe_load((run / "config.yaml").read_text(encoding="utf-8")))


def evaluate_command(
    run: Path,
    *,
    ks: list[int] | None = None,
    subsets: int = 100,
    order: Literal["largest", "smallest", "random", "proportional"] | None = None,
) -> int:
    """Recompute pass@k and n@k from a batch run's records into RUN/metrics/ (CSV and Markdown tables); `--order`
    scores another cluster order on the same records (tables then go to RUN/metrics-<order>/)."""
    config = _config_of(run)
    metrics = run / "metrics"
    if order is not None and order != config.order:
        config, metrics = config.model_copy(update={"order": order}), run / f"metrics-{order}"
    per_problem, problems = run_metrics(run, config, ks, subsets)
    if per_problem.empty:
        console.print(f"{run}: no finished problems")
        return 1
    frames = {"per_problem": per_problem.drop(columns=["cf_tags"]), "overall": summarise(per_problem),
              "by_rating": summarise(per_problem, "rating"), "by_tag": summarise(per_problem, "tag")}  # fmt: skip
    families = per_problem["problem"].map(family_of)
    if families.notna().all():  # a run over task-family instances: also per family
        frames["by_family"] = summarise(per_problem.assign(family=families), "family")
    write_tables(frames, metrics)
    auc = value_quality(problems)
    (metrics / "value_auc.txt").write_text(f"{auc}\n" if auc is not None else "none\n")
    overall = frames["overall"]
    table = Table(title=f"{run}: {len(problems)} problems (mean over problems)")
    for column in overall.columns:
        table.add_column(str(column))
    for row in overall.itertuples(index=False):
        table.add_row(*(f"{v:.3f}" if isinstance(v, float) else str(v) for v in row))
    console.print(table)
    console.print(f"value head ROC AUC: {'n/a' if auc is None else f'{auc:.3f}'}; tables in {metrics}")
    return 0


def experiment_report(out: Path, spec, configs: dict[str, SolveConfig]) -> None:
    rows, curves = [], []
    for name, config in configs.items():
        run = out / "runs" / name
        per_problem, problems = run_metrics(run, config, spec.ks, spec.subsets)
        overall = summarise(per_problem)
        own = f"{config.budget}@k_{variant_of(config)}"
        for r in overall.to_dict("records"):
            curves.append({"variant": name, "k": r["k"], "pass_at_k": r["pass_at_k"], "n@k": r[own]})
        last = overall.iloc[-1]
        solved = [p.solved_by_run for p in problems if p.solved_by_run is not None]
        auc = value_quality(problems)
        rows.append({
            "variant": name, "problems": len(problems), "samples_per_problem": int(last["k"]),
            "solved_by_run": sum(solved) / len(solved) if solved else float("nan"),
            f"{config.budget}@k (k=max)": float(last[own]), "pass@1": float(overall.iloc[0]["pass_at_k"]),
            f"pass@{config.budget}": _mean_pass_at(problems, config.budget), "value_auc": float("nan") if auc is None else auc,
        })  # fmt: skip
    summary, curve_table = pd.DataFrame(rows), pd.DataFrame(curves)
    write_tables({"summary": summary, "curves": curve_table}, out)
    _plot(curve_table, "n@k", f"{next(iter(configs.values())).budget}@k", out / "10_at_k.png", spec.name)
    _plot(curve_table, "pass_at_k", "pass@k", out / "pass_at_k.png", spec.name)
    table = Table(title=f"{spec.name}: summary")
    for column in summary.columns:
        table.add_column(str(column))
    for row in summary.itertuples(index=False):
        table.add_row(*(f"{v:.3f}" if isinstance(v, float) else str(v) for v in row))
    console.print(table)
    console.print(f"tables and plots in {out}")


def _mean_pass_at(problems: list[ProblemRecords], k: int) -> float:
    """pass@k averaged over the problems with at least k samples, whether or not k is among the curve's ks."""
    values = [pass_at_k(p.n_samples, sum(o.count for o in p.outcomes if o.correct), k)
              for p in problems if p.n_samples >= k]  # fmt: skip
    return sum(values) / len(values) if values else float("nan")


def _plot(curves: pd.DataFrame, column: str, ylabel: str, path: Path, title: str) -> None:
    import matplotlib

    matplotlib.use("Agg")  # files only: no display on a server
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(6, 4), dpi=120)
    for variant, group in curves.groupby("variant", sort=False):
        ax.plot(group["k"], group[column], marker="o", label=variant)
    ax.set_xscale("log")
    ax.set_xlabel("k (samples)")
    ax.set_ylabel(f"{ylabel} (mean over problems)")
    ax.set_ylim(-0.02, 1.02)
    ax.set_title(title)
    ax.grid(alpha=0.3)
    ax.legend()
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def draw_rules(ax, overall: pd.DataFrame, rules: dict[str, str], top: float = 1.0) -> None:
    """One axes of a solve-rate plot: pass@k dashed, then 10@k under each choosing rule (column -> label), k on a
    log axis. For the reports of experiments that compare rules on the same samples."""
    ax.plot(overall["k"], overall["pass_at_k"], "k--", marker="o", label="pass@k")
    for column, name in rules.items():
        ax.plot(overall["k"], overall[column], marker="o", label=f"10@k {name}")
    ax.set_xscale("log")
    ax.set_ylim(0, top)
    ax.set_xlabel("k (samples per problem)")
    ax.set_ylabel("solve rate")
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8)
