"""Constructive families: build any object with the asked property, or say there is none; a checker judges the
construction (tags: constructive algorithms). The multi-test helpers are greedy_sorting's."""

from __future__ import annotations

import random
import textwrap
from collections.abc import Iterator
from string import Template

from problems.families import text
from problems.families.base import Code, Family, Kind, Params, Statement
from problems.families.catalog.greedy_sorting import (
    MultiTest,
    cpp,
    cpp_main,
    cpp_scan,
    draw_sizes,
    input_section,
    output_verb,
    py_loop,
    solve_py,
    switches,
)

# The checker's frame: the input read case by case, the contestant's words in order; `case` (given by the family)
# reads one case's input and says whether the words that answer it are right. A crash (a missing or non-numeric
# word) rejects, and so do words left over.
CHECKER = '''
import sys

YES_FORM = $yes_form


def read_answer(words, n):
    """None when the contestant says there is no answer, else the n numbers of the construction."""
    head = next(words)
    if YES_FORM:
        if head.upper() == "NO":
            return None
        if head.upper() != "YES":
            raise ValueError(head)
        return [int(next(words)) for _ in range(n)]
    if head == "-1":
        return None
    return [int(head)] + [int(next(words)) for _ in range(n - 1)]


$case

def main():
    with open(sys.argv[1]) as f:
        it = iter(map(int, f.read().split()))
    with open(sys.argv[3]) as f:
        words = iter(f.read().split())
    for _ in range(next(it) if $multi else 1):
        if not case(it, words):
            return False
    return next(words, None) is None


try:
    ok = main()
except Exception:
    ok = False
sys.exit(0 if ok else 1)
'''


def checker_source(p: Params, case: str) -> str:
    case = textwrap.dedent(case).strip() + "\n"
    return Template(CHECKER).substitute(yes_form=p["yes_form"], multi=p["multi"], case=case)


def no_answer_sentence(p: Params, rng: random.Random, thing: str, what: str) -> str:
    """What to print: `what` when `thing` exists, else the no-answer word of the instance."""
    if p["yes_form"]:
        return text.pick(rng, (f"If {thing} exists, print YES and then {what}; otherwise print NO.",
                               f"Print NO if {thing} does not exist. Otherwise print YES, and then {what}."))
    return f"If {thing} does not exist, print -1. Otherwise print {what}."


def show(p: Params) -> dict[str, str]:
    """How programs print: `none` (the word for no answer) and `yes`, a line printed before an answer or none."""
    return {"none": "NO" if p["yes_form"] else "-1", "yes": 'print("YES")' if p["yes_form"] else "",
            "cyes": 'cout << "YES\\n";' if p["yes_form"] else "", "syes": 'puts("YES");' if p["yes_form"] else "",
            "ret_yes": '"YES\\n" + ' if p["yes_form"] else ""}  # fmt: skip


class DerangementConstruction(MultiTest):
    """A permutation of 1..n without fixed points (any n ≥ 2; none for n = 1): shift by one, or swap neighbours
    and mend the odd end. Switches: one test or many; "-1" or YES/NO."""

    name = "derangement_construction"
    tags = ("constructive algorithms",)
    rating = 800

    def draw(self, rng: random.Random) -> Params:
        return {**draw_sizes(rng), "yes_form": rng.random() < 0.4}

    def statement(self, p: Params, rng: random.Random) -> Statement:
        hero = text.name(rng)
        legend = text.pick(rng, (
            f"n friends of {hero}, numbered from 1 to n, each brought a present to a party in {text.place(rng)}. "
            "The presents must be handed out so that every friend gets exactly one present and nobody gets the "
            "present he or she brought: friend i gets the present of friend p_i, and p_i ≠ i.",
            f"{hero} is a teacher. n students wrote a test, and now each of them has to check exactly one work, and "
            "not their own. Student i checks the work of student p_i; find such an assignment.",
            "A permutation of length n is a sequence containing each integer from 1 to n exactly once. Find a "
            "permutation p of length n such that p_i ≠ i for every i from 1 to n.",
        ))  # fmt: skip
        body = f"{'Each test case consists of one line containing' if p['multi'] else text.only_line(rng)} " \
               f"{text.integer(rng, 'n')} ({text.bounds(rng, 'n', 1, p['n_max'])})."
        out = f"{output_verb(p, rng)} the answer. " + no_answer_sentence(
            p, rng, "such a permutation", "n integers p_1, p_2, …, p_n") + " If there are several answers, print any of them."
        return Statement(legend, input_section(p, rng, body), out)

    def _case(self, p: Params, rng: random.Random, kind: Kind, n: int) -> str:
        return f"{n}\n"

    def _solve(self, p: Params, it: Iterator[int]) -> str:
        n = next(it)
        if n == 1:
            return "NO" if p["yes_form"] else "-1"
        return ("YES\n" if p["yes_form"] else "") + " ".join(map(str, [*range(2, n + 1), 1]))

    def checker(self, p: Params) -> str:
        return checker_source(p, """
            def case(it, words):
                n = next(it)
                p = read_answer(words, n)
                if p is None:
                    return n == 1
                return sorted(p) == list(range(1, n + 1)) and all(x != i for i, x in enumerate(p, 1))
            """)

    _SHIFT = """
        n = int(input())
        if n == 1:
            print("$none")
        else:
            $yes
            print(*range($start, n + 1), $to)
        """
    _CPP = cpp_main("""
                int n;
                cin >> n;
                $guard
                $cyes
                for (int i = 1; i < n; i++) cout << i + $shift << ' ';
                cout << $last << "\\n";
        """)

    # neighbours swap places; with n odd the last one stays unless `odd` mends it
    _SWAPS = """
        n = int(input())
        if n == 1:
            return "$none"
        p = list(range(1, n + 1))
        for i in range(0, n - 1, 2):
            p[i], p[i + 1] = p[i + 1], p[i]
        $odd
        return $ret_yes" ".join(map(str, p))
        """

    def _guard(self, p: Params) -> str:
        return 'if (n == 1) { cout << "%s\\n"; continue; }' % show(p)["none"]

    def solutions(self, p: Params) -> list[Code]:
        v = show(p)
        return [
            py_loop(p, self._SHIFT, **v, start="2", to="1"),
            solve_py(p, self._SWAPS, **v, odd="if n % 2:\n    p[-1], p[-2] = p[-2], p[-1]"),
            cpp(self._CPP, **switches(p), **v, guard=self._guard(p), shift="1",
                last="1"),
            cpp(cpp_scan("""
                        int n;
                        scanf("%d", &n);
                        if (n == 1) {
                            puts("$none");
                            continue;
                        }
                        std::vector<int> p(n + 1);
                        for (int i = 1; i <= n; i++) p[i] = n + 1 - i;
                        if (n % 2) std::swap(p[n / 2], p[n / 2 + 1]);
                        $syes
                        for (int i = 1; i <= n; i++) printf("%d%c", p[i], i == n ? '\\n' : ' ');
                """, "vector utility"), **switches(p), **v),
        ]  # fmt: skip

    def wrong_solutions(self, p: Params) -> list[Code]:
        v = show(p)
        return [
            py_loop(p, """
                n = int(input())
                if n == 1:
                    print("$none")
                else:
                    $yes
                    print(*range(n, 0, -1))
                """, "missed edge case", **v),
            cpp(self._CPP, "missed edge case", **switches(p), **v, guard="", shift="1", last="1"),
            cpp(self._CPP, "off by one", **switches(p), **v, guard=self._guard(p),
                shift="0", last="0"),
            solve_py(p, self._SWAPS, "missed edge case", **v, odd=""),
        ]  # fmt: skip


class DistinctSumConstruction(MultiTest):
    """n pairwise distinct positive (or non-negative) integers with sum S: the smallest n - 1 values and the rest
    of S, possible exactly when S reaches the least sum; that sum is about n^2/2, past 32 bits.
    Switches: one test or many; "-1" or YES/NO; zero allowed or not."""

    name = "distinct_sum_construction"
    tags = ("constructive algorithms", "greedy", "math")
    rating = 1000

    def draw(self, rng: random.Random) -> Params:
        return {**draw_sizes(rng), "yes_form": rng.random() < 0.4, "zero": rng.random() < 0.4,
                "s_max": rng.choice((10**12, 10**18))}  # fmt: skip

    def statement(self, p: Params, rng: random.Random) -> Statement:
        hero = text.name(rng)
        kind = "non-negative" if p["zero"] else "positive"
        each = "(possibly none)" if p["zero"] else "(at least one each)"
        legend = text.pick(rng, (
            f"{hero} has S candies and n children to give them to {each}. All the candies must be given away, and no "
            "two children may get the same number of candies. How many candies does each child get?",
            f"The builders of {text.place(rng)} must put up n towers with pairwise different heights, using exactly S "
            f"blocks in total; every height must be a {kind} integer. Find suitable heights.",
            f"You are given two integers n and S. Find n pairwise distinct {kind} integers whose sum equals S.",
        ))  # fmt: skip
        line = f"{text.integers(rng, ['n', 'S'])} ({text.bounds(rng, 'n', 1, p['n_max'])}, " \
               f"{text.bounds(rng, 'S', 1, p['s_max'])})."
        body = f"{'Each test case consists of one line containing' if p['multi'] else text.only_line(rng)} {line}"
        out = f"{output_verb(p, rng)} the answer. " + no_answer_sentence(
            p, rng, "a suitable set of n integers", "these n integers") + " If there are several answers, print any of them."
        return Statement(legend, input_section(p, rng, body), out)

    def _least(self, p: Params, n: int) -> int:
        low = 0 if p["zero"] else 1
        return n * (2 * low + n - 1) // 2  # low + (low + 1) + ... + (low + n - 1)

    def _case(self, p: Params, rng: random.Random, kind: Kind, n: int) -> str:
        least = self._least(p, n)
        s = rng.choice((least - 1, least, least + 1, least + rng.randint(0, 10 * n), rng.randint(1, 3 * least + 5)))
        if kind in ("edge", "large"):
            s = rng.choice((least - 1, least, p["s_max"], rng.randint(least, p["s_max"])))
        return f"{n} {min(p['s_max'], max(1, s))}\n"

    def _solve(self, p: Params, it: Iterator[int]) -> str:
        n, s = next(it), next(it)
        if s < self._least(p, n):
            return "NO" if p["yes_form"] else "-1"
        values = list(range(0 if p["zero"] else 1, n + (0 if p["zero"] else 1)))
        values[-1] += s - sum(values)
        return ("YES\n" if p["yes_form"] else "") + " ".join(map(str, values))

    def checker(self, p: Params) -> str:
        return checker_source(p, f"""
            def case(it, words):
                n, s = next(it), next(it)
                values = read_answer(words, n)
                if values is None:
                    return s < n * (n - 1) // 2 + {'0' if p['zero'] else 'n'}
                return len(set(values)) == n and min(values) >= {0 if p['zero'] else 1} and sum(values) == s
            """)

    def _values(self, p: Params, zero: bool) -> dict[str, str]:
        return {**show(p), "need": "n * (n - 1) // 2" if zero else "n * (n + 1) // 2", "low": "0" if zero else "1",
                "end": "n - 1" if zero else "n", "li": "i" if zero else "i + 1",
                "cneed": "(long long)n * (n - 1) / 2" if zero else "(long long)n * (n + 1) / 2"}  # fmt: skip

    _PY = """
        n, s = map(int, input().split())
        need = $need
        if s < need:
            print("$none")
        else:
            $yes
            print(*range($low, $end), s - need + $end)
        """
    _CPP = cpp_main("""
                long long n, s;
                cin >> n >> s;
                long long need = $cneed;
                if (s < need) {
                    cout << "$none\\n";
                    continue;
                }
                $cyes
                for (long long i = $low; i < $end; i++) cout << i << ' ';
                cout << s - need + $end << '\\n';
        """)

    def solutions(self, p: Params) -> list[Code]:
        v = self._values(p, p["zero"])
        return [
            py_loop(p, self._PY, **v),
            solve_py(p, """
                n, s = map(int, input().split())
                a = list(range($low, $end + 1))
                if sum(a) > s:
                    return "$none"
                a[-1] += s - sum(a)
                return $ret_yes" ".join(map(str, a))
                """, **v),
            cpp(self._CPP, **switches(p), **v),
            cpp(cpp_scan("""
                        int n;
                        long long s;
                        scanf("%d %lld", &n, &s);
                        for (int i = 0; i < n - 1; i++) s -= $li;
                        if (s < $end) {
                            puts("$none");
                            continue;
                        }
                        $syes
                        for (int i = 0; i < n - 1; i++) printf("%d ", $li);
                        printf("%lld\\n", s);
                """), **switches(p), **v),
        ]  # fmt: skip

    def wrong_solutions(self, p: Params) -> list[Code]:
        v = self._values(p, p["zero"])
        return [
            py_loop(p, """
                n, s = map(int, input().split())
                need = $need
                $yes
                print(*range($low, $end), s - need + $end)
                """, "missed edge case", **v),
            py_loop(p, self._PY, "off by one", **self._values(p, not p["zero"])),
            cpp(self._CPP.replace("long long n, s;", "int n;\n        long long s;"), "overflow",
                **switches(p), **{**v, "cneed": v["cneed"].replace("(long long)", "")}),
        ]  # fmt: skip


FAMILIES: list[Family] = [DerangementConstruction(), DistinctSumConstruction()]
