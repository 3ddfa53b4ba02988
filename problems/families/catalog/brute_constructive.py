"""Families where trying every choice is fast enough: triples with a divisible sum or product, the best pair under
a limit (tags: brute force, implementation). The multi-test helpers are greedy_sorting's."""

from __future__ import annotations

import random
from collections.abc import Iterator
from itertools import combinations

from problems.families import text
from problems.families.base import Code, Family, Kind, Params, Statement
from problems.families.catalog.greedy_sorting import (
    MultiTest,
    cpp,
    cpp_main,
    cpp_scan,
    draw_sizes,
    first,
    input_section,
    output_verb,
    py_loop,
    second,
    solve_py,
    switches,
)


class CountTriplesDivisible(MultiTest):
    """Count triples i < j < k whose sum (or product) is divisible by m; n ≤ 100, so three loops do. The values
    reach 10^9: a sum of three overflows a 32-bit int, a product overflows 64 bits unless reduced modulo m.
    Switches: one test or many; sum or product."""

    name = "count_triples_divisible"
    tags = ("brute force", "math")
    rating = 1000
    example_n = 4

    def draw(self, rng: random.Random) -> Params:
        return {**draw_sizes(rng, 0.4, n_max=(50, 100), t_max=(100,)), "product": rng.random() < 0.4, "a_max": 10**9}

    def statement(self, p: Params, rng: random.Random) -> Statement:
        hero = text.name(rng)
        what = "product" if p["product"] else "sum"
        legend = text.pick(rng, (
            f"{hero} has n cards in a row, the i-th shows the number a_i. A magic trick needs three different cards, "
            f"and it works if the {what} of their numbers is divisible by m. In how many ways can {hero} choose the "
            "three cards (the order does not matter)?",
            f"In {text.place(rng)} there are n wells, the i-th gives a_i liters of water a day. The mayor wants to "
            f"connect three different wells, and the {what} of their outputs must be a multiple of m. Count the "
            "possible choices of three wells.",
            f"You are given an array a of n integers and an integer m. Count the triples of indices (i, j, k) with "
            f"1 ≤ i < j < k ≤ n such that the {what} a_i {'⋅' if p['product'] else '+'} a_j "
            f"{'⋅' if p['product'] else '+'} a_k is divisible by m.",
        ))  # fmt: skip
        body = (f"{first(p, rng)} {text.integers(rng, ['n', 'm'])} ({text.bounds(rng, 'n', 1, p['n_max'])}, "
                f"{text.bounds(rng, 'm', 1, p['a_max'])}).\n\n{second(p, rng)} {text.sequence(rng, 'a', 'n')} "
                f"({text.bounds(rng, 'a_i', 1, p['a_max'])}).")  # fmt: skip
        out = f"{output_verb(p, rng)} {text.single_integer(rng)} — the number of such triples."
        return Statement(legend, input_section(p, rng, body), out)

    def _case(self, p: Params, rng: random.Random, kind: Kind, n: int) -> str:
        a_max = p["a_max"]
        top = {"example": 12, "small": rng.choice((20, a_max)), "edge": a_max, "large": a_max}[kind]
        low = top // 2 if kind == "large" else 1  # large values: a sum of three passes 2^31
        a = [rng.randint(low, top) for _ in range(n)]
        m = rng.randint(2, 6) if kind == "example" else rng.choice((2, 3, rng.randint(2, 30), rng.randint(2, a_max)))
        if kind == "large":
            m = rng.choice((3, rng.randint(3, 30), rng.randint(3, 1000)))  # 2^32 ≢ 0: a wrapped sum shows
        if kind == "edge":
            a, m = rng.choice((([a_max] * n, rng.choice((1, 3, 7))), ([1] * n, 3), (a, 1), ([a_max - 1] * n, a_max)))
        return f"{n} {m}\n{' '.join(map(str, a))}\n"

    def _solve(self, p: Params, it: Iterator[int]) -> str:
        n, m = next(it), next(it)
        a = [next(it) for _ in range(n)]
        if p["product"]:
            return str(sum((x * y * z) % m == 0 for x, y, z in combinations(a, 3)))
        return str(sum((x + y + z) % m == 0 for x, y, z in combinations(a, 3)))

    def _values(self, p: Params) -> dict[str, str]:
        return {"op": "*" if p["product"] else "+", "fn": "mul" if p["product"] else "add"}

    _LOOPS = """
        n, m = map(int, input().split())
        a = [int(x) % m for x in input().split()]
        cnt = 0
        for i in range(n):
            for j in range($j0, n):
                s = a[i] $op a[j]
                for k in range($k0, n):
                    if $distinct(s $op a[k]) % m == 0:
                        cnt += 1
        print(cnt)
        """
    _CPP = cpp_main("""
                int n;
                $int m;
                cin >> n >> m;
                vector<$int> a(n);
                for (auto &x : a) cin >> x$reduce;
                long long cnt = 0;
                for (int i = 0; i < n; i++)
                    for (int j = i + 1; j < n; j++)
                        for (int k = j + 1; k < n; k++)
                            if ($expr % m == 0) cnt++;
                cout << cnt << endl;
        """)

    def solutions(self, p: Params) -> list[Code]:
        v = self._values(p)
        expr = "a[i] * a[j] % m * a[k]" if p["product"] else "(a[i] + a[j] + a[k])"
        return [
            py_loop(p, self._LOOPS, **v, j0="i + 1", k0="j + 1", distinct=""),
            solve_py(p, """
                n, m = map(int, input().split())
                a = list(map(int, input().split()))
                return sum(1 for x, y, z in combinations(a, 3) if $fn(x, $fn(y, z)) % m == 0)
                """, imports="import sys\nfrom itertools import combinations\nfrom operator import $fn", **v),
            cpp(self._CPP, **switches(p), int="long long", reduce=", x %= m", expr=expr),
            cpp(cpp_scan("""
                        int n;
                        long long m, a[105];
                        scanf("%d %lld", &n, &m);
                        for (int i = 0; i < n; i++) scanf("%lld", &a[i]), a[i] %= m;
                        int ans = 0;
                        for (int k = 2; k < n; k++)
                            for (int j = 1; j < k; j++)
                                for (int i = 0; i < j; i++)
                                    ans += ($expr) % m == 0;
                        printf("%d\\n", ans);
                """), **switches(p), expr="a[i] * a[j] % m * a[k]" if p["product"] else "a[i] + a[j] + a[k]"),
        ]  # fmt: skip

    def wrong_solutions(self, p: Params) -> list[Code]:
        v = self._values(p)
        return [
            py_loop(p, self._LOOPS, "off by one", **v, j0="i + 1", k0="j", distinct=""),
            py_loop(p, self._LOOPS, "wrong formula", **v, j0="0", k0="0", distinct="i != j != k != i and "),
            cpp(self._CPP, "overflow", **switches(p), int="long long" if p["product"] else "int", reduce="",
                expr="a[i] * a[j] * a[k]" if p["product"] else "(a[i] + a[j] + a[k])"),
        ]  # fmt: skip


class BestPairUnderLimit(MultiTest):
    """The largest a_i + a_j ≤ S over two different indices, or a marker when no pair fits; n ≤ 1000, so every
    pair can be tried. Switches: one test or many; what to print without an answer (-1 or NO)."""

    name = "best_pair_under_limit"
    tags = ("brute force", "sortings", "two pointers")
    rating = 1000
    example_n = 2

    def draw(self, rng: random.Random) -> Params:
        return {**draw_sizes(rng, 0.4, n_max=(1000,), t_max=(100, 1000)), "none": rng.choice(("-1", "NO")),
                "a_max": 10**9}  # fmt: skip

    def statement(self, p: Params, rng: random.Random) -> Statement:
        hero = text.name(rng)
        legend = text.pick(rng, (
            f"{hero} has S coins and wants to buy presents for two friends in a shop of {text.place(rng)}. There are "
            "n gifts, the i-th costs a_i coins, and the two presents must be different gifts. What is the largest "
            f"total {hero} can spend without exceeding S?",
            f"A lift can carry at most S kilograms. {hero} has n boxes, the i-th weighs a_i kilograms, and wants to "
            "send exactly two different boxes up together, as heavy as possible in total. Find the largest total "
            "weight that the lift can carry.",
            "You are given an array a of n integers and an integer S. Find the maximum of a_i + a_j over all pairs of "
            "indices i < j with a_i + a_j ≤ S.",
        ))  # fmt: skip
        body = (f"{first(p, rng)} {text.integers(rng, ['n', 'S'])} ({text.bounds(rng, 'n', 1, p['n_max'])}, "
                f"{text.bounds(rng, 'S', 1, 2 * p['a_max'])}).\n\n{second(p, rng)} {text.sequence(rng, 'a', 'n')} "
                f"({text.bounds(rng, 'a_i', 1, p['a_max'])}).")  # fmt: skip
        none = "-1" if p["none"] == "-1" else '"NO" (without quotes)'
        out = f"{output_verb(p, rng)} {text.single_integer(rng)} — the maximum total. If no pair fits, print {none} " \
              "instead."
        return Statement(legend, input_section(p, rng, body), out)

    def _case(self, p: Params, rng: random.Random, kind: Kind, n: int) -> str:
        a_max = p["a_max"]
        top = {"example": 20, "small": rng.choice((30, a_max)), "edge": a_max, "large": a_max}[kind]
        a = [rng.randint(1, top) for _ in range(n)]
        s = rng.randint(top if kind == "example" else 1, 2 * top)
        if kind == "edge":
            v = rng.randint(1, a_max)
            a, s = rng.choice((([v] * n, 2 * v), ([v] * n, 2 * v - 1), ([a_max] * n, 2 * a_max), (a, 1)))
        elif kind == "large":
            s = rng.randint(3 * a_max // 2, 2 * a_max)  # the best sums pass 2^31
        return f"{n} {s}\n{' '.join(map(str, a))}\n"

    def _solve(self, p: Params, it: Iterator[int]) -> str:
        n, s = next(it), next(it)
        a = sorted(next(it) for _ in range(n))
        best, j = -1, n - 1
        for i in range(n):  # for each smaller end, the largest partner above it that fits
            while j > i and a[i] + a[j] > s:
                j -= 1
            if j <= i:
                break
            best = max(best, a[i] + a[j])
        return str(best) if best >= 0 else p["none"]

    _BRUTE = """
        n, s = map(int, input().split())
        a = list(map(int, input().split()))
        best = $init
        for i in range(n):
            for j in range($j0, n):
                if a[i] + a[j] $op s and a[i] + a[j] > best:
                    best = a[i] + a[j]
        print(best$show)
        """
    _CPP = cpp_main("""
                int n;
                long long s;
                cin >> n >> s;
                vector<long long> a(n);
                for (auto &x : a) cin >> x;
                long long best = -1;
                for (int i = 0; i < n; i++)
                    for (int j = i + 1; j < n; j++)
                        if (a[i] + a[j] <= s) best = max(best, a[i] + a[j]);
                if (best < 0) cout << "$none" << endl;
                else cout << best << endl;
        """)

    def _values(self, p: Params) -> dict[str, str]:
        return {"none": p["none"], "show": "" if p["none"] == "-1" else ' if best >= 0 else "NO"'}

    def solutions(self, p: Params) -> list[Code]:
        v = self._values(p)
        return [
            py_loop(p, self._BRUTE, **v, init="-1", j0="i + 1", op="<="),
            solve_py(p, """
                n, s = map(int, input().split())
                a = sorted(map(int, input().split()))
                lo, hi, best = 0, n - 1, -1
                while lo < hi:
                    if a[lo] + a[hi] > s:
                        hi -= 1
                    else:
                        best = max(best, a[lo] + a[hi])
                        lo += 1
                return best if best >= 0 else "$none"
                """, **v),
            cpp(self._CPP, **switches(p), **v),
            cpp(cpp_scan("""
                        int n;
                        long long s, a[1005];
                        scanf("%d %lld", &n, &s);
                        for (int i = 0; i < n; i++) scanf("%lld", &a[i]);
                        std::sort(a, a + n);
                        long long ans = -1;
                        for (int i = 0; i < n; i++) {
                            int j = std::upper_bound(a + i + 1, a + n, s - a[i]) - a - 1;
                            if (j > i) ans = std::max(ans, a[i] + a[j]);
                        }
                        if (ans < 0) puts("$none");
                        else printf("%lld\\n", ans);
                """, "algorithm"), **switches(p), **v),
        ]  # fmt: skip

    def wrong_solutions(self, p: Params) -> list[Code]:
        v = self._values(p)
        return [
            py_loop(p, self._BRUTE, "off by one", **v, init="-1", j0="i", op="<="),
            py_loop(p, self._BRUTE, "missed edge case", **v, init="0", j0="i + 1", op="<="),
            py_loop(p, self._BRUTE, "wrong operator", **v, init="-1", j0="i + 1", op="<"),
            cpp(cpp_main("""
                        int n;
                        long long s;
                        cin >> n >> s;
                        vector<long long> a(n);
                        for (auto &x : a) cin >> x;
                        sort(a.begin(), a.end());
                        long long best = -1;
                        for (int j = n - 1; j > 0 && best < 0; j--)
                            for (int i = j - 1; i >= 0 && best < 0; i--)
                                if (a[i] + a[j] <= s) best = a[i] + a[j];
                        if (best < 0) cout << "$none" << endl;
                        else cout << best << endl;
                """), "wrong formula", **switches(p), **v),
        ]  # fmt: skip


FAMILIES: list[Family] = [CountTriplesDivisible(), BestPairUnderLimit()]
