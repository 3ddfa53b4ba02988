"""A small problem (print the largest of n integers) and real programs for it in both languages, correct and wrong.

Its examples have the maximum last, so two wrong programs pass them: one prints the last number, one the larger
of the first and the last. Shared by the pipeline and batch tests.
"""

from __future__ import annotations

from solver.problem import Language, Problem

PY, CPP = Language.PYTHON3, Language.CPP

CORRECT_PY = "n = int(input())\na = list(map(int, input().split()))\nprint(max(a))\n"
CORRECT_PY_SORT = "input()\nprint(sorted(map(int, input().split()))[-1])\n"
CORRECT_CPP = """#include <bits/stdc++.h>
int main() { int n; std::cin >> n; std::vector<long long> a(n); for (auto& x : a) std::cin >> x;
             std::cout << *std::max_element(a.begin(), a.end()) << "\\n"; }
"""
LAST_PY = "input()\nprint(input().split()[-1])\n"  # passes the examples (maximum last), wrong elsewhere
ENDS_CPP = """#include <cstdio>
int main() { int n; scanf("%d", &n); long long first = 0, x = 0; for (int i = 0; i < n; i++) { scanf("%lld", &x);
             if (i == 0) first = x; } printf("%lld\\n", first > x ? first : x); }
"""  # the larger of the first and the last: also passes the examples
MIN_PY = "input()\nprint(min(map(int, input().split())))\n"  # fails the examples
SYNTAX_PY = "print(max(\n"  # fails the examples
PROMPTING_PY = "n = int(input('Enter n: '))\nprint(max(map(int, input().split())))\n"  # fails: extra output


def max_problem(hidden: bool = True) -> Problem:
    tests = {"input": ["3\n1 2 3\n", "4\n5 1 7 9\n"], "output": ["3\n", "9\n"]}
    hidden_tests = {"input": ["3\n-5 -2 -9\n", "5\n4 8 1 3 2\n", "1\n-7\n"], "output": ["-2\n", "8\n", "-7\n"]}
    return Problem.model_validate({
        "name": "max_of_list", "description": "Print the largest of n integers.\n\nInput: n, then n integers "
        "(each between -100 and 100).\n\nOutput: the largest.", "public_tests": tests,
        "private_tests": hidden_tests if hidden else {"input": [], "output": []},
        "solutions": {"language": [PY], "solution": [CORRECT_PY]},
    })  # fmt: skip
