"""Every family, by topic module. A new module's FAMILIES list is added here."""

from __future__ import annotations

from problems.families.base import Family
from problems.families.catalog import (
    arithmetic,
    brute_constructive,
    dp,
    graphs,
    greedy_sorting,
    implementation,
    number_theory,
    strings,
)

FAMILIES: list[Family] = [
    *arithmetic.FAMILIES,
    *number_theory.FAMILIES,
    *strings.FAMILIES,
    *implementation.FAMILIES,
    *greedy_sorting.FAMILIES,
    *brute_constructive.FAMILIES,
    *dp.FAMILIES,
    *graphs.FAMILIES,
]
