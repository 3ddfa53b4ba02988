"""Every family, by topic module. A new module's FAMILIES list is added here."""

from __future__ import annotations

from problems.families.base import Family
from problems.families.catalog import (
    arithmetic,
    arithmetic_2,
    brute_constructive,
    brute_constructive_2,
    dp,
    dp_2,
    dp_3,
    graphs,
    graphs_2,
    graphs_3,
    greedy_sorting,
    greedy_sorting_2,
    greedy_sorting_3,
    implementation,
    implementation_2,
    number_theory,
    number_theory_2,
    number_theory_3,
    strings,
    strings_2,
    strings_3,
)

FAMILIES: list[Family] = [
    *arithmetic.FAMILIES,
    *arithmetic_2.FAMILIES,
    *number_theory.FAMILIES,
    *number_theory_2.FAMILIES,
    *number_theory_3.FAMILIES,
    *strings.FAMILIES,
    *strings_2.FAMILIES,
    *strings_3.FAMILIES,
    *implementation.FAMILIES,
    *implementation_2.FAMILIES,
    *greedy_sorting.FAMILIES,
    *greedy_sorting_2.FAMILIES,
    *greedy_sorting_3.FAMILIES,
    *brute_constructive.FAMILIES,
    *brute_constructive_2.FAMILIES,
    *dp.FAMILIES,
    *dp_2.FAMILIES,
    *dp_3.FAMILIES,
    *graphs.FAMILIES,
    *graphs_2.FAMILIES,
    *graphs_3.FAMILIES,
]
