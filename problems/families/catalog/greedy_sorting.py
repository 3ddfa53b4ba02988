"""Families about sorting and the greedy choices it enables: pairs under a limit, coin change with canonical
denominations, interval scheduling, order statistics (tags: greedy, sortings, two pointers).

Also the helpers the modules greedy_sorting_2 and brute_constructive share: most of these tasks come as one test
or as many (`multi`: t on the first line, the sum of n bounded), and the sizes of the cases, the t loop of the
oracle and of every program, and the sentences about it are the same whatever the task.
"""

from __future__ import annotations

import random
import re
import textwrap
from bisect import bisect_right
from collections.abc import Iterator
from string import Template

from problems.families import text
from problems.families import base
from problems.families.base import Code, Family, Kind, Params, Statement

# ------------------------------------------------------------------------------------------------ shared helpers


def _tidy(code: Code) -> Code:
    # a switch that adds nothing (no "YES" line, one test so no t read) leaves a line of spaces: drop it
    return Code(code.language, re.sub(r"\n[ \t]+(?=\n)", "", code.source), code.mistake)


def py(source: str, mistake: str = "", **values: str) -> Code:
    return _tidy(base.py(source, mistake, **values))


def cpp(source: str, mistake: str = "", **values: str) -> Code:
    return _tidy(base.cpp(source, mistake, **values))



def case_sizes(p: Params, rng: random.Random, kind: Kind, lo: int = 1) -> list[int]:
    """The sizes n of the cases of one input: one case, or several whose sizes sum to at most n_max. A large
    multi-test input keeps one case near n_max, so that slow and overflowing programs still meet a big case."""
    n_max = p["n_max"]
    small = min(n_max, 20)
    if not p["multi"]:
        return [{"example": rng.randint(lo, min(6, n_max)), "small": rng.randint(lo, small),
                 "edge": rng.choice((lo, lo, rng.randint(lo, min(8, n_max)))), "large": n_max}[kind]]  # fmt: skip
    if kind == "large":
        big = n_max - rng.choice((0, n_max // 10))
        sizes = [big] + [max(lo, (n_max - big) // 10)] * (10 if big < n_max else 0)
        rng.shuffle(sizes)
        return sizes
    count = {"example": rng.randint(2, 3), "small": rng.randint(1, 8), "edge": rng.randint(2, 6)}[kind]
    top = {"example": min(6, n_max), "small": small, "edge": min(5, n_max)}[kind]
    sizes = [rng.choice((lo, rng.randint(lo, top))) if kind == "edge" else rng.randint(lo, top) for _ in range(count)]
    while sum(sizes) > n_max:  # small bounds (brute-force tasks): the sum of n is stated too
        sizes.pop()
    return sizes


def draw_sizes(rng: random.Random, multi: float = 0.5, n_max: tuple[int, ...] = (10**5, 2 * 10**5),
               t_max: tuple[int, ...] = (1000, 10**4)) -> Params:
    """The parameters every multi-test family has: one test or many (with probability `multi`), the bound on n
    (on the sum of n when multi-test) and on t."""
    return {"multi": rng.random() < multi, "n_max": rng.choice(n_max), "t_max": rng.choice(t_max)}


class MultiTest(Family):
    """A family whose input holds one case or t of them: make_input and answer loop over the cases, a subclass
    makes (`_case`) and solves (`_solve`, from an iterator over the input's integers) one case."""

    def _case(self, p: Params, rng: random.Random, kind: Kind, n: int) -> str:
        raise NotImplementedError

    def _solve(self, p: Params, it: Iterator[int]) -> str:
        raise NotImplementedError

    example_n = 1  # the least n of an example: examples with nothing to count teach little

    def make_input(self, p: Params, rng: random.Random, kind: Kind) -> str:
        sizes = case_sizes(p, rng, kind, self.example_n if kind == "example" else 1)
        cases = [self._case(p, rng, kind, n) for n in sizes]
        return (f"{len(cases)}\n" if p["multi"] else "") + "".join(cases)

    def answer(self, p: Params, given: str) -> str:
        it = iter(map(int, given.split()))
        t = next(it) if p["multi"] else 1
        return "".join(self._solve(p, it) + "\n" for _ in range(t))


def first(p: Params, rng: random.Random) -> str:
    """The opening words of a case's first line."""
    if p["multi"]:
        return text.pick(rng, ("The first line of each test case contains", "Each test case starts with a line "
                               "containing", "The first line of each test contains"))  # fmt: skip
    return text.first_line(rng)


def second(p: Params, rng: random.Random) -> str:
    if p["multi"]:
        return text.pick(rng, ("The second line of each test case contains", "The next line contains"))
    return text.second_line(rng)


def input_section(p: Params, rng: random.Random, body: str, var: str = "n") -> str:
    """A case's description, after the t line and followed by the bound on the sum of n when multi-test."""
    if not p["multi"]:
        return body
    return f"{text.multi_test_intro(rng, p['t_max'])}\n\n{body}\n\n{text.sum_constraint(rng, var, p['n_max'])}"


def output_verb(p: Params, rng: random.Random) -> str:
    """"Print" or "For each test case, print"."""
    verb = text.print_verb(rng)
    return f"For each test case, {verb.lower()}" if p["multi"] else verb


def switches(p: Params) -> dict[str, str]:
    """Template values for the t loop: `tread` and `tscan` declare t in C++ (read with cin or scanf, or 1);
    `main` is the last line of a Python program built around `def solve()` returning one case's output."""
    multi = p["multi"]
    return {
        "tread": "int t; cin >> t;" if multi else "int t = 1;",
        "tscan": 'int t; scanf("%d", &t);' if multi else "int t = 1;",
        "main": 'print("\\n".join(str(solve()) for _ in range(int(input()))))' if multi else "print(solve())",
    }


def _body(body: str, values: dict[str, str]) -> str:
    # values first, indentation after: a value of several lines then gets the body's indentation on each line;
    # a line holding only an empty value goes
    lines = textwrap.dedent(body).strip("\n").split("\n")
    lines = [line for line in lines if not (line.strip()[:1] == "$" and values.get(line.strip()[1:]) == "")]
    return Template("\n".join(lines)).substitute(values)


def py_loop(p: Params, body: str, mistake: str = "", **values: str) -> Code:
    """An input()-style Python program: the body of one case, inside `for _ in range(int(input())):` if multi."""
    body = _body(body, values)
    if p["multi"]:
        body = "for _ in range(int(input())):\n" + textwrap.indent(body, "    ")
    return py(body, mistake)


def solve_py(p: Params, body: str, mistake: str = "", imports: str = "import sys", **values: str) -> Code:
    """A Python program with fast input and one `solve()` per case (the body is solve's, unindented)."""
    src = f"{_body(imports, values)}\ninput = sys.stdin.readline\n\n\ndef solve():\n" + \
        textwrap.indent(_body(body, values), "    ") + "\n\n\n$main\n"
    return py(src, mistake, main=switches(p)["main"])


CPP_HEAD = "#include <bits/stdc++.h>\nusing namespace std;\n"


def cpp_scan(case: str, headers: str = "", std: bool = False) -> str:
    """The same with scanf/printf: <cstdio> and `headers` (space-separated names), t read by `$tscan`."""
    body = textwrap.indent(textwrap.dedent(case).strip("\n"), " " * 8)
    includes = "".join(f"#include <{h}>\n" for h in ["cstdio", *headers.split()])
    return includes + ("using namespace std;\n" if std else "") + \
        f"int main() {{\n    $tscan\n    while (t--) {{\n{body}\n    }}\n}}\n"


def cpp_main(case: str, before: str = "") -> str:
    """A C++ template (for `cpp`) whose main runs `case`, the code of one test case, t times (t is `$tread`);
    `before` goes between the includes and main."""
    body = textwrap.indent(textwrap.dedent(case).strip("\n"), " " * 8)
    return CPP_HEAD + (before and f"\n{before}\n\n") + "int main() {\n    ios::sync_with_stdio(false);\n    cin.tie(nullptr);\n    $tread\n" \
        f"    while (t--) {{\n{body}\n    }}\n}}\n"


# ------------------------------------------------------------------------------------------------ families


class PairsSumAtMost(MultiTest):
    """Count the pairs i < j with a_i + a_j ≤ x (or < x): sort, then two pointers or binary search; the count
    reaches n^2/2. Switches: one test or many; the comparison strict or not."""

    name = "pairs_sum_at_most"
    tags = ("sortings", "two pointers", "binary search")
    rating = 1300

    def draw(self, rng: random.Random) -> Params:
        return {**draw_sizes(rng), "strict": rng.random() < 0.4, "a_max": rng.choice((10**9, 10**6))}

    def statement(self, p: Params, rng: random.Random) -> Statement:
        hero = text.name(rng)
        cmp = text.pick(rng, (("is less than x", "is strictly less than x") if p["strict"] else
                              ("does not exceed x", "is at most x", "is not greater than x")))  # fmt: skip
        legend = text.pick(rng, (
            f"{hero} has n weights, the i-th of them weighs a_i grams. A pair of different weights is called light if "
            f"their total weight {cmp}. Count the light pairs.",
            f"There are n items in a shop in {text.place(rng)}, the i-th costs a_i coins. {hero} wants to buy exactly "
            f"two different items and their total price {cmp}. In how many ways can the two items be chosen?",
            f"You are given an array a of n integers and an integer x. Count the pairs of indices (i, j) such that "
            f"1 ≤ i < j ≤ n and a_i + a_j {'<' if p['strict'] else '≤'} x.",
            f"{hero} trains n students, the skill of the i-th is a_i. A team consists of two different students, and "
            f"it is allowed in the olympiad only if the sum of their skills {cmp}. How many teams are allowed?",
        ))  # fmt: skip
        a_max = p["a_max"]
        body = (f"{first(p, rng)} {text.integers(rng, ['n', 'x'])} ({text.bounds(rng, 'n', 1, p['n_max'])}, "
                f"{text.bounds(rng, 'x', 1, 2 * a_max)}).\n\n{second(p, rng)} {text.sequence(rng, 'a', 'n')} "
                f"({text.bounds(rng, 'a_i', 1, a_max)}).")  # fmt: skip
        out = f"{output_verb(p, rng)} {text.single_integer(rng)} — the number of pairs."
        return Statement(legend, input_section(p, rng, body), out)

    def _case(self, p: Params, rng: random.Random, kind: Kind, n: int) -> str:
        a_max = p["a_max"]
        top = {"example": 10, "small": rng.choice((10, 100, a_max)), "edge": a_max, "large": a_max}[kind]
        a = [rng.randint(1, top) for _ in range(n)]
        x = rng.randint(1, 2 * top)
        if kind == "edge":
            v = rng.choice((1, a_max, rng.randint(1, a_max)))
            a, x = rng.choice((([v] * n, 2 * v), ([v] * n, 2 * v - 1), (a, 1), ([a_max] * n, 2 * a_max)))
        elif kind == "large":
            x = rng.randint(3 * a_max // 2, 2 * a_max)  # most pairs count: the total passes 2^31
        return f"{n} {x}\n{' '.join(map(str, a))}\n"

    def _solve(self, p: Params, it: Iterator[int]) -> str:
        n, x = next(it), next(it)
        a = sorted(next(it) for _ in range(n))
        limit = x - 1 if p["strict"] else x
        # ordered pairs (i, j) with a_i + a_j ≤ limit, minus i = j, halved
        ordered = sum(bisect_right(a, limit - v) for v in a) - sum(2 * v <= limit for v in a)
        return str(ordered // 2)

    def _values(self, p: Params) -> dict[str, str]:
        return {"op": "<" if p["strict"] else "<=", "other": "<=" if p["strict"] else "<",
                "bis": "bisect_left" if p["strict"] else "bisect_right",
                "bound": "lower_bound" if p["strict"] else "upper_bound"}  # fmt: skip

    _TWO_POINTERS = """
        n, x = map(int, input().split())
        a = sorted(map(int, input().split()))
        i, j, cnt = 0, n - 1, 0
        while i < j:
            if a[i] + a[j] $op x:
                cnt += j - i
                i += 1
            else:
                j -= 1
        print(cnt)
        """
    _CPP_TWO_POINTERS = cpp_main("""
                int n;
                $int x;
                cin >> n >> x;
                vector<$int> a(n);
                for (auto &v : a) cin >> v;
                sort(a.begin(), a.end());
                $int cnt = 0;
                for (int i = 0, j = n - 1; i < j;) {
                    if (a[i] + a[j] $op x) cnt += j - i$plus, i++;
                    else j--;
                }
                cout << cnt << "\\n";
        """)

    def solutions(self, p: Params) -> list[Code]:
        v = self._values(p)
        return [
            py_loop(p, self._TWO_POINTERS, **v),
            solve_py(p, """
                n, x = map(int, input().split())
                a = sorted(map(int, input().split()))
                return sum($bis(a, x - v, i + 1) - i - 1 for i, v in enumerate(a))
                """, imports="import sys\nfrom bisect import $bis", **v),
            cpp(self._CPP_TWO_POINTERS, **switches(p), **v, int="long long", plus=""),
            cpp(cpp_scan("""
                        int n;
                        long long x;
                        scanf("%d %lld", &n, &x);
                        vector<long long> a(n);
                        for (int i = 0; i < n; i++) scanf("%lld", &a[i]);
                        sort(a.begin(), a.end());
                        long long ans = 0;
                        for (int i = 0; i < n; i++)
                            ans += $bound(a.begin() + i + 1, a.end(), x - a[i]) - (a.begin() + i + 1);
                        printf("%lld\\n", ans);
                """, "algorithm vector", std=True), **switches(p), **v),
        ]  # fmt: skip

    def wrong_solutions(self, p: Params) -> list[Code]:
        v = self._values(p)
        return [
            py_loop(p, """
                n, x = map(int, input().split())
                a = list(map(int, input().split()))
                print(sum(1 for i in range(n) for j in range(i + 1, n) if a[i] + a[j] $op x))
                """, "too slow", **v),
            py_loop(p, self._TWO_POINTERS, "wrong operator", **{**v, "op": v["other"]}),
            cpp(self._CPP_TWO_POINTERS, "overflow", **switches(p), **v, int="int", plus=""),
            cpp(self._CPP_TWO_POINTERS, "off by one", **switches(p), **v, int="long long", plus=" + 1"),
        ]  # fmt: skip


COIN_SYSTEMS = ((1, 5, 10, 20, 100), (1, 2, 5, 10, 20, 50, 100, 200), (1, 5, 10, 25, 50, 100))


class MinCoinsGreedy(Family):
    """The fewest coins of a canonical system (where taking the largest coin that fits is optimal) summing to n.
    Switches: the coin system; one test or many."""

    name = "min_coins_greedy"
    tags = ("greedy", "implementation")
    rating = 800

    def draw(self, rng: random.Random) -> Params:
        return {**draw_sizes(rng, n_max=(10**12, 10**18)), "coins": rng.randrange(len(COIN_SYSTEMS))}

    def statement(self, p: Params, rng: random.Random) -> Statement:
        hero = text.name(rng)
        coins = COIN_SYSTEMS[p["coins"]]
        listed = ", ".join(map(str, coins[:-1])) + f" and {coins[-1]}"
        unit = text.pick(rng, ("burles", "dollars", "bytecoins"))
        legend, noun = text.pick(rng, (
            (f"{hero} has n {unit} in the bank of {text.place(rng)} and wants to withdraw all of them. The bank has "
            f"bills of denominations {listed} {unit}, as many of each as needed. What is the minimum number of bills "
            f"{hero} could receive?", "bills"),
            (f"In {text.place(rng)} the coins are worth {listed}. {hero} must pay exactly n and wants to use as few "
            "coins as possible. Find that number of coins.", "coins"),
            (f"You are given an integer n. Represent n as a sum of terms, each equal to one of {listed} (terms may "
            "repeat), so that the number of terms is minimum. Print this minimum.", "terms"),
        ))  # fmt: skip
        line = f"{text.integer(rng, 'n')} ({text.bounds(rng, 'n', 1, p['n_max'])})."
        if p["multi"]:
            inp = f"{text.multi_test_intro(rng, p['t_max'])}\n\nEach test case consists of one line containing {line}"
        else:
            inp = f"{text.only_line(rng)} {line}"
        out = f"{output_verb(p, rng)} {text.single_integer(rng)} — the minimum number of " \
              f"{noun}."
        return Statement(legend, inp, out)

    def _n(self, p: Params, rng: random.Random, kind: Kind) -> int:
        n_max, top = p["n_max"], COIN_SYSTEMS[p["coins"]][-1]
        if kind == "edge":
            return rng.choice((1, n_max, n_max - 1, top, top - 1, top + 1))
        return {"example": rng.randint(1, 3 * top), "small": rng.randint(1, rng.choice((10 * top, 10**9))),
                "large": rng.randint(n_max // 10, n_max)}[kind]  # fmt: skip

    def make_input(self, p: Params, rng: random.Random, kind: Kind) -> str:
        if not p["multi"]:
            return f"{self._n(p, rng, kind)}\n"
        t = {"example": rng.randint(2, 4), "small": rng.randint(1, 20), "edge": rng.randint(1, 6),
             "large": p["t_max"]}[kind]
        return f"{t}\n" + "".join(f"{self._n(p, rng, kind)}\n" for _ in range(t))

    def answer(self, p: Params, given: str) -> str:
        nums = list(map(int, given.split()))
        out = []
        for n in nums[1:] if p["multi"] else nums:
            count = 0
            for c in sorted(COIN_SYSTEMS[p["coins"]], reverse=True):
                count += n // c
                n -= n // c * c
            out.append(f"{count}\n")
        return "".join(out)

    def _values(self, p: Params) -> dict[str, str]:
        coins = COIN_SYSTEMS[p["coins"]]
        return {"asc": ", ".join(map(str, coins)), "desc": ", ".join(map(str, coins[::-1])), "k": str(len(coins))}

    _SOLVE = """
        n = int(input())
        ans = 0
        for c in $order:
            q, n = divmod(n, c)
            ans += q
        return ans
        """
    _CPP = cpp_main("""
                $int n, cnt = 0;
                cin >> n;
                for ($int c : coins) {
                    cnt += n / c;
                    n %= c;
                }
                cout << cnt << '\\n';
        """, before="const $int coins[] = {$desc};")

    def solutions(self, p: Params) -> list[Code]:
        v = self._values(p)
        return [
            py_loop(p, """
                n = int(input())
                cnt = 0
                for c in ($desc):
                    cnt += n // c
                    n %= c
                print(cnt)
                """, **v),
            solve_py(p, self._SOLVE, order="reversed(COINS)", imports="import sys\n\nCOINS = [$asc]", **v),
            cpp(self._CPP, **switches(p), **v, int="long long"),
            cpp("""
                #include <cstdio>
                int main() {
                    int coin[] = {$asc};
                    $tscan
                    while (t--) {
                        long long n, res = 0;
                        scanf("%lld", &n);
                        for (int i = $k - 1; i >= 0; i--) {
                            res += n / coin[i];
                            n -= n / coin[i] * coin[i];
                        }
                        printf("%lld\\n", res);
                    }
                }
                """, **switches(p), **v),
        ]  # fmt: skip

    def wrong_solutions(self, p: Params) -> list[Code]:
        v = self._values(p)
        return [
            solve_py(p, self._SOLVE, "wrong formula", order="COINS", imports="import sys\n\nCOINS = [$asc]", **v),
            py_loop(p, """
                coins = [$desc]
                n = int(input())
                cnt = 0
                for i in range(1, len(coins)):
                    cnt += n // coins[i]
                    n %= coins[i]
                print(cnt)
                """, "off by one", **v),
            cpp(self._CPP, "overflow", **switches(p), **v, int="int"),
            py_loop(p, """
                n = int(input())
                cnt = 0
                while n > 0:
                    n -= max(c for c in ($asc) if c <= n)
                    cnt += 1
                print(cnt)
                """, "too slow", **v),
        ]  # fmt: skip


FAMILIES: list[Family] = [PairsSumAtMost(), MinCoinsGreedy()]
