"""Tables across problems: average per-problem metric curves overall, by rating band and by tag; save them.

The input is a long table with one row per (problem, k): the columns `curve()` gives plus `problem`, `cf_rating`
and `cf_tags` (see `label`). Every problem weighs the same in an average, whatever its number of rows, so a
problem evaluated under two seeds is first averaged with itself. Nothing here writes files except `write_tables`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

import pandas as pd

BAND_WIDTH = 400  # Codeforces ratings run from 800 in steps of 100; AlphaCode-style reports use wide bands
FIRST_BAND = 800
UNRATED = "unrated"
UNTAGGED = "untagged"
KEYS = ("problem", "k", "cf_rating", "cf_tags")


def label(frame: pd.DataFrame, *, problem: str, cf_rating: int | None, cf_tags: Sequence[str]) -> pd.DataFrame:
    """A copy of one problem's curve with the columns `summarise` groups by."""
    out = frame.copy()
    out.insert(0, "problem", problem)
    out["cf_rating"] = cf_rating
    out["cf_tags"] = [tuple(cf_tags)] * len(out)
    return out


def rating_band(rating: object) -> str:
    """'800-1199', '1200-1599', ...; 'unrated' for a missing rating or one below 800 (0 = unset in CodeContests)."""
    if rating is None or pd.isna(rating) or int(rating) < FIRST_BAND:
        return UNRATED
    low = FIRST_BAND + (int(rating) - FIRST_BAND) // BAND_WIDTH * BAND_WIDTH
    return f"{low}-{low + BAND_WIDTH - 1}"


def _metric_columns(frame: pd.DataFrame) -> list[str]:
    return [c for c in frame.columns if c not in KEYS and pd.api.types.is_numeric_dtype(frame[c])]


def _per_problem(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per (problem, k): metrics averaged, rating and tags carried."""
    missing = [c for c in ("problem", "k") if c not in frame.columns]
    if missing:
        raise ValueError(f"per-problem table lacks column '{missing[0]}'")
    metrics = _metric_columns(frame)
    means = frame.groupby(["problem", "k"], as_index=False, sort=True)[metrics].mean()
    carried = [c for c in frame.columns if c not in metrics and c not in ("problem", "k")]
    if carried:
        first = frame.groupby("problem", as_index=False, sort=False)[carried].first()
        means = means.merge(first, on="problem", how="left")
    return means


def summarise(per_problem: pd.DataFrame, by: str | None = None) -> pd.DataFrame:
    """Mean of every metric column over problems, for each k; `by` = None (all problems), "rating" (bands of 400),
    "tag" (a problem counts once under each of its tags) or any other column. A `problems` column counts them."""
    table = _per_problem(per_problem)
    metrics = _metric_columns(table)
    if by is None:
        group = []
    elif by == "rating":
        if "cf_rating" not in table.columns:
            raise ValueError("summarising by rating needs a 'cf_rating' column")
        bands = table["cf_rating"].map(rating_band)
        ordered = sorted(set(bands), key=lambda b: (b == UNRATED, int(b.split("-")[0]) if b != UNRATED else 0))
        table = table.assign(rating_band=pd.Categorical(bands, categories=ordered, ordered=True))
        group = ["rating_band"]
    elif by == "tag":
        if "cf_tags" not in table.columns:
            raise ValueError("summarising by tag needs a 'cf_tags' column")
        tags = table["cf_tags"].map(lambda t: list(t) if t is not None and len(t) else [UNTAGGED])
        table = table.assign(tag=tags).explode("tag")
        group = ["tag"]
    elif by in table.columns:
        group = [by]
    else:
        raise ValueError(f"cannot summarise by '{by}': not 'rating', 'tag' or a column of the table")
    grouped = table.groupby([*group, "k"], observed=True, sort=True)
    summary = grouped[metrics].mean()
    summary.insert(0, "problems", grouped["problem"].nunique())
    return summary.reset_index()


def write_tables(frames: Mapping[str, pd.DataFrame], out_dir: Path) -> list[Path]:
    """Save each frame as NAME.csv (for programs) and NAME.md (for reading); the paths written."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, frame in frames.items():
        csv, markdown = out_dir / f"{name}.csv", out_dir / f"{name}.md"
        frame.to_csv(csv, index=False)
        markdown.write_text(frame.to_markdown(index=False, floatfmt=".4f") + "\n", encoding="utf-8")
        written += [csv, markdown]
    return written
