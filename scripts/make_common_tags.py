"""Regenerate solver/data/common_tags.json: the 50 most common Codeforces tag combinations.

AlphaCode draws the TAGS line of a sampling prompt uniformly from the 50 most popular tag combinations
(App. C.2). We count each problem's sorted tag set over real Codeforces problems in CodeContests files.

    .venv/bin/python scripts/make_common_tags.py [--data ../shared/data/codecontests-subset]
        [--out solver/data/common_tags.json] [-n 50]

Ties in count are broken by fewer tags first, then alphabetically, so the output is deterministic.
Pseudo-tags starting with "*" (Codeforces' "*special") are not topics and are dropped; problems without
tags contribute nothing. If fewer than N distinct combinations exist, the list is filled with the most
common single tags, then the most common pairs of tags that occur together.
"""

from __future__ import annotations

import argparse
import itertools
import json
from collections import Counter
from pathlib import Path

from solver.problem import load_problems

ROOT = Path(__file__).resolve().parent.parent
N_COMBINATIONS = 50


def _rank(counts: Counter[tuple[str, ...]]) -> list[tuple[str, ...]]:
    return sorted(counts, key=lambda tags: (-counts[tags], len(tags), tags))


def common_tag_sets(tag_lists: list[tuple[str, ...]], n: int = N_COMBINATIONS) -> list[tuple[str, ...]]:
    combos: Counter[tuple[str, ...]] = Counter()
    singles: Counter[tuple[str, ...]] = Counter()
    pairs: Counter[tuple[str, ...]] = Counter()
    for tags in tag_lists:
        topic = tuple(sorted({t.strip() for t in tags if t.strip() and not t.startswith("*")}))
        if not topic:
            continue
        combos[topic] += 1
        singles.update((tag,) for tag in topic)
        pairs.update(itertools.combinations(topic, 2))
    chosen: list[tuple[str, ...]] = []
    for candidates in (_rank(combos), _rank(singles), _rank(pairs)):
        for tags in candidates:
            if len(chosen) == n:
                return chosen
            if tags not in chosen:
                chosen.append(tags)
    return chosen  # fewer than n only if the data has very few tags


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "codecontests-subset")
    parser.add_argument("--out", type=Path, default=ROOT / "solver" / "data" / "common_tags.json")
    parser.add_argument("-n", type=int, default=N_COMBINATIONS)
    args = parser.parse_args()

    problems = load_problems(args.data)
    tag_sets = common_tag_sets([p.cf_tags for p in problems], args.n)
    if len(tag_sets) < args.n:
        raise SystemExit(f"{args.data}: only {len(tag_sets)} distinct tag sets, need {args.n}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    # One combination per line keeps diffs readable.
    lines = ",\n".join("  " + json.dumps(list(tags)) for tags in tag_sets)
    args.out.write_text("[\n" + lines + "\n]\n", encoding="utf-8")
    tagged = sum(1 for p in problems if any(not t.startswith("*") for t in p.cf_tags))
    print(f"{len(problems)} problems ({tagged} tagged) -> {len(tag_sets)} tag sets in {args.out}")


if __name__ == "__main__":
    main()
