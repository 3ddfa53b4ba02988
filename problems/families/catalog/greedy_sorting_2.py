"""More greedy and sorting families: interval scheduling, order statistics, making an array sorted with fewest
increments (tags: greedy, sortings). The multi-test helpers are greedy_sorting's."""

from __future__ import annotations

import random
from bisect import bisect_right
from collections.abc import Iterator

from problems.families import text
from problems.families.base import Code, Family, Kind, Params, Statement
from problems.families.catalog.greedy_sorting import (
    CPP_HEAD,
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


class MaxNonoverlappingIntervals(MultiTest):
    """Activity selection: the most segments pairwise without common points, greedily by right end.
    Switches: one test or many; whether segments may touch at an endpoint."""

    name = "max_nonoverlapping_intervals"
    tags = ("greedy", "sortings")
    rating = 1200

    def draw(self, rng: random.Random) -> Params:
        return {**draw_sizes(rng, 0.4), "touch": rng.random() < 0.5, "c_max": rng.choice((10**9, 10**6))}

    def statement(self, p: Params, rng: random.Random) -> Statement:
        hero = text.name(rng)
        rule = text.pick(rng, (
            ("Two chosen intervals may share an endpoint: one may start at the very moment another one ends.",
             "Touching is allowed: two chosen intervals may have one common endpoint.") if p["touch"] else
            ("Two chosen intervals must not have common points, even endpoints: if one ends at moment m, another "
             "cannot start at moment m.", "Even touching is not allowed: chosen intervals must have no common "
             "points, endpoints included.")))  # fmt: skip
        legend = text.pick(rng, (
            f"The concert hall of {text.place(rng)} received n requests; the i-th event would last from moment l_i "
            f"to moment r_i. The manager {hero} wants to accept as many events as possible so that no two accepted "
            f"events overlap. {rule}",
            f"{hero} wants to watch as many of n TV shows as possible; the i-th show is on air from l_i to r_i, and "
            f"{hero} watches a show from its beginning to its end. {rule} How many shows can {hero} watch?",
            f"You are given n segments [l_i, r_i] on a line. Choose the maximum number of them so that no two chosen "
            f"segments intersect. {rule}",
        ))  # fmt: skip
        body = (f"{first(p, rng)} {text.integer(rng, 'n')} ({text.bounds(rng, 'n', 1, p['n_max'])}).\n\n"
                f"{text.pick(rng, ('Each of the next n lines contains', 'The i-th of the next n lines contains'))} "
                f"{text.integers(rng, ['l_i', 'r_i'])} (0 ≤ l_i < r_i ≤ {text.number(rng, p['c_max'])}).")  # fmt: skip
        out = f"{output_verb(p, rng)} {text.single_integer(rng)} — the maximum number of " \
              f"{text.pick(rng, ('segments', 'intervals'))} that can be chosen."
        return Statement(legend, input_section(p, rng, body), out)

    def _case(self, p: Params, rng: random.Random, kind: Kind, n: int) -> str:
        c_max = p["c_max"]
        top = {"example": 12, "small": rng.choice((20, 60)), "edge": c_max, "large": c_max}[kind]
        span = max(1, top // max(n, 1) * rng.choice((1, 3, 10)))  # short segments: many fit, the order matters
        segs = []
        for _ in range(n):
            l = rng.randint(0, top - 1)
            segs.append((l, min(top, l + rng.randint(1, span if kind == "large" else top // 2 or 1))))
        if kind == "edge":
            l, r = sorted(rng.sample(range(c_max + 1), 2))
            segs = rng.choice(([(l, r)] * n, [(i, i + 1) for i in range(n)], [(i, c_max - i) for i in range(n)],
                               [(0, c_max)] + [(i, i + 1) for i in range(n - 1)]))  # fmt: skip
            rng.shuffle(segs)
        return f"{n}\n" + "".join(f"{l} {r}\n" for l, r in segs)

    def _solve(self, p: Params, it: Iterator[int]) -> str:
        n = next(it)
        segs = sorted(((next(it), next(it)) for _ in range(n)), key=lambda s: s[1])
        # dp over segments by right end: best[i] = the most among the first i; a segment follows those whose end
        # is < its start (≤ when touching is allowed)
        ends = [r for _, r in segs]
        best = [0] * (n + 1)
        for i, (l, r) in enumerate(segs):
            before = bisect_right(ends, l if p["touch"] else l - 1, 0, i)
            best[i + 1] = max(best[i], best[before] + 1)
        return str(best[n])

    def _values(self, p: Params) -> dict[str, str]:
        return {"op": ">=" if p["touch"] else ">", "other": ">" if p["touch"] else ">="}

    _BY_KEY = """
        n = int(input())
        segs = sorted((tuple(map(int, input().split())) for _ in range(n)), key=lambda s: $key)
        cnt, last = 0, -1
        for l, r in segs:
            if l $op last:
                cnt += 1
                last = r
        print(cnt)
        """
    _CPP = cpp_main("""
                int n;
                cin >> n;
                vector<pair<int, int>> s(n);
                for (auto &[a, b] : s) cin >> a >> b;
                sort(s.begin(), s.end(), [](const pair<int, int> &x, const pair<int, int> &y) {
                    return $key;
                });
                int cnt = 0, last = -1;
                for (auto &[l, r] : s)
                    if (l $op last) cnt++, last = r;
                cout << cnt << endl;
        """)

    def solutions(self, p: Params) -> list[Code]:
        v = self._values(p)
        return [
            py_loop(p, self._BY_KEY, **v, key="s[1]"),
            solve_py(p, """
                n = int(input())
                segs = [tuple(map(int, input().split())) for _ in range(n)]
                segs.sort(key=lambda s: s[1])
                ans, end = 0, -1
                for l, r in segs:
                    if l $op end:
                        ans += 1
                        end = r
                return ans
                """, **v),
            cpp(self._CPP, **switches(p), **v, key="x.second < y.second"),
            cpp("""
                #include <cstdio>
                #include <algorithm>
                #include <vector>
                using namespace std;
                struct Seg { int l, r; };
                int main() {
                    $tscan
                    while (t--) {
                        int n;
                        scanf("%d", &n);
                        vector<Seg> v(n);
                        for (int i = 0; i < n; i++) scanf("%d %d", &v[i].l, &v[i].r);
                        sort(v.begin(), v.end(), [](Seg a, Seg b) { return a.r < b.r; });
                        int ans = 0;
                        long long cur = -1;
                        for (int i = 0; i < n; i++) {
                            if (v[i].l $op cur) {
                                ans++;
                                cur = v[i].r;
                            }
                        }
                        printf("%d\\n", ans);
                    }
                }
                """, **switches(p), **v),
        ]  # fmt: skip

    def wrong_solutions(self, p: Params) -> list[Code]:
        v = self._values(p)
        return [
            py_loop(p, self._BY_KEY, "wrong formula", **v, key="s[0]"),
            cpp(self._CPP, "wrong operator", **switches(p), **{**v, "op": v["other"]}, key="x.second < y.second"),
            cpp(self._CPP, "wrong formula", **switches(p), **v, key="x.second - x.first < y.second - y.first"),
        ]  # fmt: skip


class KthSmallest(MultiTest):
    """The k-th smallest (or largest) element, or the k-th among the distinct values with -1 when there are
    fewer than k. Switches: smallest or largest; with or without repetitions."""

    name = "kth_smallest"
    tags = ("sortings", "implementation")
    rating = 900

    def draw(self, rng: random.Random) -> Params:
        return {"multi": False, "largest": rng.random() < 0.4, "distinct": rng.random() < 0.5,
                "n_max": rng.choice((10**5, 2 * 10**5)), "a_max": rng.choice((10**9, 10**6, 1000))}  # fmt: skip

    def statement(self, p: Params, rng: random.Random) -> Statement:
        hero = text.name(rng)
        which = "largest" if p["largest"] else "smallest"
        among = " among the distinct values" if p["distinct"] else ""
        legend = text.pick(rng, (
            f"{hero} wrote n integers on the board. {hero}'s friend asks for the k-th {which} number{among}.",
            f"In {text.place(rng)} n athletes took part in a competition, the i-th scored a_i points. The prize goes "
            f"to the k-th {which} score{among}. Find it.",
            f"You are given an array a of n integers and an integer k. Find the k-th {which} value{among}.",
        ))  # fmt: skip
        if p["distinct"]:
            legend += text.pick(rng, (" Equal numbers count once.", " Values that occur several times are counted "
                                      "only once."))  # fmt: skip
        body = (f"{first(p, rng)} {text.integers(rng, ['n', 'k'])} (1 ≤ k ≤ n ≤ {text.number(rng, p['n_max'])})."
                f"\n\n{second(p, rng)} {text.sequence(rng, 'a', 'n')} "
                f"({text.bounds(rng, 'a_i', 1, p['a_max'])}).")  # fmt: skip
        out = f"{output_verb(p, rng)} {text.single_integer(rng)} — the k-th {which} value{among}."
        if p["distinct"]:
            out += " If there are fewer than k distinct values, print -1."
        return Statement(legend, input_section(p, rng, body), out)

    def _case(self, p: Params, rng: random.Random, kind: Kind, n: int) -> str:
        top = {"example": 9, "small": rng.choice((5, 30, p["a_max"])), "edge": p["a_max"],
               "large": rng.choice((p["a_max"], n // 2, 100))}[kind]  # fmt: skip
        a = [rng.randint(1, max(1, min(top, p["a_max"]))) for _ in range(n)]
        k = rng.randint(1, n)
        if kind == "edge":
            a = rng.choice((a, [top] * n, [1] * n))
            k = rng.choice((1, n))
        elif kind == "large" and p["distinct"] and rng.random() < 0.5:
            k = rng.randint(len(set(a)), n)
        return f"{n} {k}\n{' '.join(map(str, a))}\n"

    def _solve(self, p: Params, it: Iterator[int]) -> str:
        n, k = next(it), next(it)
        a = [next(it) for _ in range(n)]
        values = sorted(set(a) if p["distinct"] else a)
        if k > len(values):
            return "-1"
        return str(values[len(values) - k] if p["largest"] else values[k - 1])

    def _values(self, p: Params) -> dict[str, str]:
        distinct, rev = p["distinct"], ", reverse=True" if p["largest"] else ""
        return {"vals": "set(map(int, input().split()))" if distinct else "map(int, input().split())",
                "rev": rev, "pick": "a[k - 1] if k <= len(a) else -1" if distinct else "a[k - 1]",
                "heap": "nlargest" if p["largest"] else "nsmallest",
                "cmp": "greater" if p["largest"] else "less",
                "wrong_cmp": "less" if p["largest"] else "greater"}  # fmt: skip

    _SORT = """
        n, k = map(int, input().split())
        a = sorted($vals$rev)
        print($pick)
        """
    _CPP = CPP_HEAD + """
        int main() {
            int n, k;
            cin >> n >> k;
            vector<int> a(n);
            for (int &x : a) cin >> x;
            sort(a.begin(), a.end(), $cmp<int>());
            $dedup
            cout << (k <= (int)a.size() ? a[k - 1] : -1) << endl;
        }
        """

    def solutions(self, p: Params) -> list[Code]:
        v = self._values(p)
        dedup = "a.erase(unique(a.begin(), a.end()), a.end());" if p["distinct"] else ""
        scan = """
            #include <cstdio>
            #include <algorithm>
            #include <functional>
            #include <vector>
            int main() {
                int n, k;
                scanf("%d %d", &n, &k);
                std::vector<int> a(n);
                for (int i = 0; i < n; i++) scanf("%d", &a[i]);
                $select
            }
            """
        if p["distinct"]:
            select = "std::set<int, std::$cmp<int>> s(a.begin(), a.end());\n" \
                     "if ((int)s.size() < k) { printf(\"-1\\n\"); return 0; }\n" \
                     "printf(\"%d\\n\", *std::next(s.begin(), k - 1));"
            scan = scan.replace("#include <vector>", "#include <set>\n            #include <vector>")
        else:
            select = "std::nth_element(a.begin(), a.begin() + k - 1, a.end(), std::$cmp<int>());\n" \
                     "printf(\"%d\\n\", a[k - 1]);"
        select = select.replace("\n", "\n                ")
        return [
            py_loop(p, self._SORT, **v),
            solve_py(p, """
                n, k = map(int, input().split())
                best = heapq.$heap(k, $vals)
                return best[-1] if len(best) == k else -1
                """, imports="import heapq\nimport sys", **v),
            cpp(self._CPP, **v, dedup=dedup),
            cpp(scan.replace("$select", select), **v),
        ]  # fmt: skip

    def wrong_solutions(self, p: Params) -> list[Code]:
        v = self._values(p)
        dedup = "a.erase(unique(a.begin(), a.end()), a.end());" if p["distinct"] else ""
        no_set = {**v, "vals": "map(int, input().split())" if p["distinct"] else "set(map(int, input().split()))"}
        wrong = [
            py_loop(p, self._SORT, "off by one", **{**v, "pick": v["pick"].replace("a[k - 1]", "a[k]")}),
            py_loop(p, self._SORT, "missed edge case" if p["distinct"] else "wrong formula", **no_set),
            cpp(self._CPP, "wrong operator", **{**v, "cmp": v["wrong_cmp"]}, dedup=dedup),
        ]
        if p["distinct"]:
            wrong.append(py_loop(p, self._SORT, "missed edge case", **{**v, "pick": "a[k - 1]"}))
        return wrong


class MinIncrementsNondecreasing(MultiTest):
    """The fewest +1 operations making an array non-decreasing (or strictly increasing): raise each element to
    the running maximum; the total reaches n ⋅ 10^9. Switches: one test or many; strict or not."""

    name = "min_increments_nondecreasing"
    tags = ("greedy", "implementation")
    rating = 900

    def draw(self, rng: random.Random) -> Params:
        return {**draw_sizes(rng), "strict": rng.random() < 0.4, "a_max": 10**9}

    def statement(self, p: Params, rng: random.Random) -> Statement:
        hero = text.name(rng)
        order = ("strictly increasing", "a_1 < a_2 < … < a_n") if p["strict"] else \
            ("non-decreasing", "a_1 ≤ a_2 ≤ … ≤ a_n")
        taller = "strictly taller than" if p["strict"] else "at least as tall as"
        legend = text.pick(rng, (
            f"{hero} built n towers of cubes in a row, the i-th is a_i cubes high. In one move {hero} can put one more "
            f"cube on any tower. {hero} wants every tower to be {taller} the tower to its left. Find the minimum "
            "number of moves.",
            f"A company in {text.place(rng)} has n employees listed by seniority, the i-th earns a_i burles. The "
            f"director may only raise salaries, by one burle at a time, and wants the salaries to be {order[0]} along "
            "the list. What is the minimum total number of raises?",
            f"You are given an array a of n integers. In one operation you choose an index i and increase a_i by 1. "
            f"Find the minimum number of operations after which {order[1]}.",
        ))  # fmt: skip
        body = (f"{first(p, rng)} {text.integer(rng, 'n')} ({text.bounds(rng, 'n', 1, p['n_max'])}).\n\n"
                f"{second(p, rng)} {text.sequence(rng, 'a', 'n')} ({text.bounds(rng, 'a_i', 1, p['a_max'])}).")  # fmt: skip
        out = f"{output_verb(p, rng)} {text.single_integer(rng)} — the minimum number of operations."
        return Statement(legend, input_section(p, rng, body), out)

    def _case(self, p: Params, rng: random.Random, kind: Kind, n: int) -> str:
        top = {"example": 9, "small": rng.choice((10, 1000, p["a_max"])), "edge": p["a_max"], "large": p["a_max"]}[kind]
        a = [rng.randint(1, top) for _ in range(n)]
        if kind == "edge":
            a = rng.choice(([top] * n, [1] * n, list(range(n, 0, -1)), [top] + [1] * (n - 1)))
        elif kind == "large" and rng.random() < 0.7:
            a[0] = top  # everything after must rise to the first: the total passes 2^31 by far
        return f"{n}\n{' '.join(map(str, a))}\n"

    def _solve(self, p: Params, it: Iterator[int]) -> str:
        n = next(it)
        # strictly increasing a is non-decreasing a_i - i: one rule for both
        b = [next(it) - (i if p["strict"] else 0) for i in range(n)]
        total, high = 0, b[0]
        for x in b:
            high = max(high, x)
            total += high - x
        return str(total)

    def _values(self, p: Params) -> dict[str, str]:
        return {"plus1": " + 1" if p["strict"] else "", "other": "" if p["strict"] else " + 1",
                "minus_i": " - i" if p["strict"] else ""}  # fmt: skip

    _LOOP = """
        n = int(input())
        a = list(map(int, input().split()))
        ans = 0
        for i in range(1, n):
            need = a[i - 1]$plus1
            if a[i] < need:
                ans += need - a[i]
                a[i] = need
        print(ans)
        """
    _CPP = cpp_main("""
                int n;
                cin >> n;
                vector<long long> a(n);
                for (auto &x : a) cin >> x;
                $int ans = 0;
                for (int i = 1; i < n; i++) {
                    if (a[i] < a[i - 1]$plus1) {
                        ans += a[i - 1]$plus1 - a[i];
                        a[i] = a[i - 1]$plus1;
                    }
                }
                cout << ans << "\\n";
        """)

    def solutions(self, p: Params) -> list[Code]:
        v = self._values(p)
        return [
            py_loop(p, self._LOOP, **v),
            solve_py(p, """
                n = int(input())
                b = [x$minus_i for i, x in enumerate(map(int, input().split()))]
                return sum(accumulate(b, max)) - sum(b)
                """, imports="import sys\nfrom itertools import accumulate", **v),
            cpp(self._CPP, **switches(p), **v, int="long long"),
            cpp(cpp_scan("""
                        int n;
                        scanf("%d", &n);
                        long long best = -1e18, total = 0;
                        for (int i = 0; i < n; i++) {
                            long long x;
                            scanf("%lld", &x);
                            x -= $shift;
                            if (x > best) best = x;
                            total += best - x;
                        }
                        printf("%lld\\n", total);
                """), **switches(p), shift="i" if p["strict"] else "0"),
        ]  # fmt: skip

    def wrong_solutions(self, p: Params) -> list[Code]:
        v = self._values(p)
        return [
            cpp(self._CPP, "overflow", **switches(p), **v, int="int"),
            py_loop(p, self._LOOP, "off by one", **{**v, "plus1": v["other"]}),
            py_loop(p, """
                n = int(input())
                a = list(map(int, input().split()))
                print(sum(max(0, a[i - 1]$plus1 - a[i]) for i in range(1, n)))
                """, "wrong formula", **v),
            py_loop(p, """
                n = int(input())
                a = list(map(int, input().split()))
                ans = 0
                for i in range(1, n):
                    while a[i] < a[i - 1]$plus1:
                        a[i] += 1
                        ans += 1
                print(ans)
                """, "too slow", **v),
        ]  # fmt: skip


FAMILIES: list[Family] = [MaxNonoverlappingIntervals(), KthSmallest(), MinIncrementsNondecreasing()]
