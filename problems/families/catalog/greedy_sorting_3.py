"""Still more greedy and sorting families: sign flips, pairing people into boats, distinct values
(tags: greedy, sortings, two pointers). The multi-test helpers are greedy_sorting's."""

from __future__ import annotations

import random
from collections import deque
from collections.abc import Iterator

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


class MaxSumAfterKNegations(MultiTest):
    """Flip the sign of an element k times (exactly k, the same element allowed again; or at most k) to maximize
    the sum: flip the most negative first, and with exactly k an odd leftover costs twice the smallest |a_i|.
    Switches: one test or many; exactly or at most k."""

    name = "max_sum_after_k_negations"
    tags = ("greedy", "sortings")
    rating = 1100

    def draw(self, rng: random.Random) -> Params:
        return {**draw_sizes(rng), "exact": rng.random() < 0.6, "a_max": 10**9, "k_max": 10**9}

    def statement(self, p: Params, rng: random.Random) -> Statement:
        hero = text.name(rng)
        times = text.pick(rng, ("exactly k times", "exactly k operations") if p["exact"] else
                          ("at most k times", "no more than k operations"))  # fmt: skip
        again = " The same element may be chosen several times." if p["exact"] else ""
        legend = text.pick(rng, (
            f"You are given an array a of n integers. In one operation you choose an index i and replace a_i with "
            f"-a_i. Perform the operation {times} so that the sum of the array is as large as possible.{again}",
            f"{hero} has n cards with integers on them. A magic wand turns the number on one card into its opposite. "
            f"{hero} must use the wand {times}.{again} What is the largest possible sum of the cards?",
            f"The balances of the n accounts of a bank in {text.place(rng)} are a_1, …, a_n. An auditor may change "
            f"the sign of one balance per operation and does this {times}.{again} Find the maximum total balance.",
        ))  # fmt: skip
        body = (f"{first(p, rng)} {text.integers(rng, ['n', 'k'])} ({text.bounds(rng, 'n', 1, p['n_max'])}, "
                f"{text.bounds(rng, 'k', 1, p['k_max'])}).\n\n{second(p, rng)} {text.sequence(rng, 'a', 'n')} "
                f"({text.bounds(rng, 'a_i', -p['a_max'], p['a_max'])}).")  # fmt: skip
        out = f"{output_verb(p, rng)} {text.single_integer(rng)} — the maximum possible sum."
        return Statement(legend, input_section(p, rng, body), out)

    def _case(self, p: Params, rng: random.Random, kind: Kind, n: int) -> str:
        top = {"example": 9, "small": rng.choice((10, 1000)), "edge": p["a_max"], "large": p["a_max"]}[kind]
        a = [rng.randint(-top, top) for _ in range(n)]
        k = rng.randint(1, 2 * n + 1)
        if kind == "edge":
            a = rng.choice(([-top] * n, [top] * n, [-1] * n, [0] + [-top] * (n - 1), a))
            k = rng.choice((1, n, n + 1, p["k_max"], p["k_max"] - 1))
        elif kind == "large":
            k = rng.choice((n // 3, n + 1, p["k_max"], p["k_max"] - 1))
        return f"{n} {k}\n{' '.join(map(str, a))}\n"

    def _solve(self, p: Params, it: Iterator[int]) -> str:
        n, k = next(it), next(it)
        a = [next(it) for _ in range(n)]
        negatives = sorted(x for x in a if x < 0)
        flips = min(k, len(negatives))
        total = sum(abs(x) for x in a) + 2 * sum(negatives[flips:])  # the unflipped negatives keep their sign
        if p["exact"] and (k - flips) % 2 == 1:
            total -= 2 * min(abs(x) for x in a)
        return str(total)

    _SORTED = """
        n, k = map(int, input().split())
        a = sorted(map(int, input().split()))
        for i in range(n):
            if k > 0 and a[i] < 0:
                a[i] = -a[i]
                k -= 1
        print(sum(a)$parity)
        """
    _CPP = cpp_main("""
                int n;
                long long k;
                cin >> n >> k;
                vector<long long> a(n);
                for (auto &x : a) cin >> x;
                sort(a.begin(), a.end());
                for (int i = 0; i < n && k > 0 && a[i] < 0; i++, k--) a[i] = -a[i];
                $int sum = 0;
                long long low = LLONG_MAX;
                for (long long x : a) sum += x, low = min(low, x);
                $parity
                cout << sum << "\\n";
        """)

    def _values(self, p: Params) -> dict[str, str]:
        return {"parity": " - (2 * min(a) if k % 2 else 0)" if p["exact"] else "",
                "cpp_parity": "if (k % 2) sum -= 2 * low;" if p["exact"] else ""}  # fmt: skip

    def solutions(self, p: Params) -> list[Code]:
        v = self._values(p)
        return [
            py_loop(p, self._SORTED, **v),
            solve_py(p, """
                n, k = map(int, input().split())
                a = sorted(map(int, input().split()), key=abs, reverse=True)
                for i, x in enumerate(a):
                    if x < 0 and k:
                        a[i] = -x
                        k -= 1
                $tail
                """, **v, tail="if k % 2:\n    a[-1] = -a[-1]\nreturn sum(a)" if p["exact"] else "return sum(a)"),
            cpp(self._CPP, **switches(p), int="long long", parity=v["cpp_parity"]),
            cpp(cpp_scan("""
                        int n;
                        long long k, total = 0, low = 2e9;
                        scanf("%d %lld", &n, &k);
                        std::vector<long long> neg;
                        for (int i = 0; i < n; i++) {
                            long long x;
                            scanf("%lld", &x);
                            total += llabs(x);
                            low = std::min(low, llabs(x));
                            if (x < 0) neg.push_back(x);
                        }
                        std::sort(neg.begin(), neg.end());
                        long long used = std::min<long long>(k, neg.size());
                        for (size_t i = used; i < neg.size(); i++) total += 2 * neg[i];
                        $rest
                        printf("%lld\\n", total);
                """, "cstdlib algorithm vector"), **switches(p), rest="if ((k - used) % 2) total -= 2 * low;" if p["exact"] else ""),
        ]  # fmt: skip

    def wrong_solutions(self, p: Params) -> list[Code]:
        v = self._values(p)
        flipped = {"parity": "" if p["exact"] else " - (2 * min(a) if k % 2 else 0)"}
        wrong = [
            py_loop(p, self._SORTED, "missed edge case" if p["exact"] else "wrong formula", **flipped),
            cpp(self._CPP, "overflow", **switches(p), int="int", parity=v["cpp_parity"]),
            py_loop(p, self._SORTED.replace("sorted(map(int, input().split()))", "list(map(int, input().split()))"),
                    "wrong formula", **v),
        ]
        if p["exact"]:  # with at most k flips the same loop stops once no negative is left: fast enough
            wrong.append(solve_py(p, """
                n, k = map(int, input().split())
                a = list(map(int, input().split()))
                heapq.heapify(a)
                for _ in range(k):
                    heapq.heapreplace(a, -a[0])
                return sum(a)
                """, "too slow", imports="import heapq\nimport sys"))  # fmt: skip
        return wrong



class BoatPairing(MultiTest):
    """The fewest boats of capacity C, each carrying one or two people: sort, pair the heaviest with the lightest
    when they fit (two pointers). Switches: one test or many; the weights on one line or one per line."""

    name = "boat_pairing"
    tags = ("greedy", "sortings", "two pointers")
    rating = 1200

    def draw(self, rng: random.Random) -> Params:
        p = {**draw_sizes(rng), "c_max": rng.choice((10**9, 10**6))}
        return {**p, "per_line": not p["multi"] and rng.random() < 0.4}

    def statement(self, p: Params, rng: random.Random) -> Statement:
        hero = text.name(rng)
        legend = text.pick(rng, (
            f"n friends of {hero} go rafting in {text.place(rng)}; the i-th weighs w_i kilograms. A raft carries at "
            "most two people whose total weight is at most C. What is the minimum number of rafts needed?",
            f"{hero} must send n parcels, the i-th weighs w_i. A courier takes one or two parcels at once if their "
            "total weight does not exceed C. Find the minimum number of couriers needed to send all parcels.",
            "You are given n integers w_1, …, w_n and an integer C. Split the indices into the minimum number of "
            "groups so that every group has one or two indices and the sum of its w's is at most C. Print that number.",
        ))  # fmt: skip
        weights = f"(1 ≤ w_i ≤ C)"
        body = f"{first(p, rng)} {text.integers(rng, ['n', 'C'])} ({text.bounds(rng, 'n', 1, p['n_max'])}, " \
               f"{text.bounds(rng, 'C', 1, p['c_max'])}).\n\n"
        if p["per_line"]:
            body += f"Each of the next n lines contains one integer w_i {weights}."
        else:
            body += f"{second(p, rng)} {text.sequence(rng, 'w', 'n')} {weights}."
        out = f"{output_verb(p, rng)} {text.single_integer(rng)} — the minimum number of " \
              f"{text.pick(rng, ('boats', 'trips', 'groups'))}."
        return Statement(legend, input_section(p, rng, body), out)

    def _case(self, p: Params, rng: random.Random, kind: Kind, n: int) -> str:
        c = {"example": rng.randint(5, 12), "small": rng.randint(1, 30), "edge": p["c_max"],
             "large": rng.randint(p["c_max"] // 2, p["c_max"])}[kind]  # fmt: skip
        w = [rng.randint(1, c) for _ in range(n)]
        if kind == "edge":
            c = rng.choice((c, 2 * rng.randint(1, c // 2)))
            w = rng.choice(([c] * n, [c // 2] * n, [1] * n, [c // 2, c // 2 + 1] * (n // 2) + [c] * (n % 2)))
        sep = "\n" if p["per_line"] else " "
        return f"{n} {c}\n{sep.join(map(str, w))}\n"

    def _solve(self, p: Params, it: Iterator[int]) -> str:
        n, c = next(it), next(it)
        people = deque(sorted(next(it) for _ in range(n)))
        boats = 0
        while people:
            heaviest = people.pop()
            if people and people[0] + heaviest <= c:
                people.popleft()  # the lightest fits beside the heaviest; otherwise nobody does
            boats += 1
        return str(boats)

    def _values(self, p: Params) -> dict[str, str]:
        return {"read": "[int(input()) for _ in range(n)]" if p["per_line"] else "list(map(int, input().split()))"}

    _TWO = """
        n, c = map(int, input().split())
        w = sorted($read)
        i, j, ans = 0, n - 1, 0
        while i $cond j:
            if w[i] + w[j] $op c:
                i += 1
            j -= 1
            ans += 1
        print(ans)
        """
    _CPP = cpp_main("""
                int n;
                long long c;
                cin >> n >> c;
                vector<long long> w(n);
                for (auto &x : w) cin >> x;
                sort(w.begin(), w.end());
                int boats = 0;
                $body
                cout << boats << "\\n";
        """)
    _CPP_TWO = "for (int i = 0, j = n - 1; i <= j; j--, boats++)\n            if (w[i] + w[j] <= c) i++;"

    def solutions(self, p: Params) -> list[Code]:
        v = self._values(p)
        return [
            py_loop(p, self._TWO, **v, cond="<=", op="<="),
            solve_py(p, """
                n, c = map(int, input().split())
                w = sorted($read)
                lo = 0
                for hi in range(n - 1, -1, -1):
                    if hi < lo:
                        return n - lo
                    if lo < hi and w[lo] + w[hi] <= c:
                        lo += 1
                return n - lo
                """, **v),
            cpp(self._CPP, **switches(p), body=self._CPP_TWO),
            cpp(cpp_scan("""
                        int n, c;
                        scanf("%d %d", &n, &c);
                        std::vector<int> w(n);
                        for (int &x : w) scanf("%d", &x);
                        std::sort(w.begin(), w.end());
                        int l = 0, r = n - 1, pairs = 0;
                        while (l < r) {
                            if ((long long)w[l] + w[r] <= c) pairs++, l++;
                            r--;
                        }
                        printf("%d\\n", n - pairs);
                """, "algorithm vector"), **switches(p)),
        ]  # fmt: skip

    def wrong_solutions(self, p: Params) -> list[Code]:
        v = self._values(p)
        return [
            py_loop(p, self._TWO, "off by one", **v, cond="<", op="<="),
            py_loop(p, self._TWO, "wrong operator", **v, cond="<=", op="<"),
            cpp(self._CPP, "wrong formula", **switches(p),
                body="for (int i = 0; i < n; i++, boats++)\n            if (i + 1 < n && w[i] + w[i + 1] <= c) i++;"),
            py_loop(p, """
                n, c = map(int, input().split())
                w = sorted($read, reverse=True)
                used = [False] * n
                ans = 0
                for i in range(n):
                    if not used[i]:
                        used[i] = True
                        ans += 1
                        for j in range(n - 1, i, -1):
                            if not used[j]:
                                used[j] = w[i] + w[j] <= c
                                break
                print(ans)
                """, "too slow", **v),
        ]  # fmt: skip


class DistinctValues(MultiTest):
    """The number of distinct values of an array, or the distinct values themselves in increasing order (sort,
    then count the changes). Switches: one test or many; print the count or the count and the values."""

    name = "distinct_values"
    tags = ("sortings", "implementation")
    rating = 800

    def draw(self, rng: random.Random) -> Params:
        return {**draw_sizes(rng, 0.4), "list": rng.random() < 0.5, "a_max": rng.choice((10**9, 10**6))}

    def statement(self, p: Params, rng: random.Random) -> Statement:
        hero = text.name(rng)
        legend = text.pick(rng, (
            f"{hero} collects stamps. There are n stamps in the collection, the i-th of type a_i. "
            + ("List the different types in the collection." if p["list"] else "How many different types are there?"),
            f"The visitors of a museum in {text.place(rng)} got tickets with numbers a_1, …, a_n; several visitors "
            "may have the same number. " + ("Which numbers were given out?" if p["list"] else
                                            "How many different numbers were given out?"),
            "You are given an array a of n integers. " + ("Remove the repeated values and sort the rest." if p["list"]
                                                          else "Find the number of distinct values in it."),
        ))  # fmt: skip
        body = (f"{first(p, rng)} {text.integer(rng, 'n')} ({text.bounds(rng, 'n', 1, p['n_max'])}).\n\n"
                f"{second(p, rng)} {text.sequence(rng, 'a', 'n')} ({text.bounds(rng, 'a_i', 1, p['a_max'])}).")  # fmt: skip
        verb = output_verb(p, rng)
        if p["list"]:
            out = f"{verb} two lines: in the first, the number m of distinct values; in the second, these m values " \
                  f"in increasing order."
        else:
            out = f"{verb} {text.single_integer(rng)} — the number of distinct values."
        return Statement(legend, input_section(p, rng, body), out)

    def _case(self, p: Params, rng: random.Random, kind: Kind, n: int) -> str:
        top = {"example": 9, "small": rng.choice((5, 50, p["a_max"])), "edge": p["a_max"],
               "large": rng.choice((p["a_max"], n // 3))}[kind]  # fmt: skip
        a = [rng.randint(1, top) for _ in range(n)]
        if kind == "edge":
            a = rng.choice(([top] * n, [1] * n, [top - i for i in range(n)], [1, top] * n))[:n]
        return f"{n}\n{' '.join(map(str, a))}\n"

    def _solve(self, p: Params, it: Iterator[int]) -> str:
        values = sorted({next(it) for _ in range(next(it))})
        return f"{len(values)}\n{' '.join(map(str, values))}" if p["list"] else str(len(values))

    def _values(self, p: Params) -> dict[str, str]:
        return {"show": 'print(len(b))\nprint(*b)' if p["list"] else "print(len(b))"}

    def solutions(self, p: Params) -> list[Code]:
        v = self._values(p)
        out = 'cout << a.size() << "\\n";' + (
            '\n        for (size_t i = 0; i < a.size(); i++) cout << a[i] << " \\n"[i + 1 == a.size()];'
            if p["list"] else "")
        return [
            py_loop(p, """
                input()
                b = sorted(set(map(int, input().split())))
                $show
                """, **v),
            solve_py(p, """
                n = int(input())
                a = sorted(map(int, input().split()))
                b = [x for i, x in enumerate(a) if i == 0 or x != a[i - 1]]
                return $ret
                """, ret='f"{len(b)}\\n{\' \'.join(map(str, b))}"' if p["list"] else "len(b)"),
            cpp(cpp_main("""
                        int n;
                        cin >> n;
                        vector<int> a(n);
                        for (int &x : a) cin >> x;
                        sort(a.begin(), a.end());
                        a.erase(unique(a.begin(), a.end()), a.end());
                        $out
                """), **switches(p), out=out),
            cpp(cpp_scan("""
                        int n;
                        scanf("%d", &n);
                        std::set<int> s;
                        for (int i = 0, x; i < n; i++) scanf("%d", &x), s.insert(x);
                        printf("%d\\n", (int)s.size());
                        $out
                """, "set"), **switches(p), out='for (int x : s) printf("%d ", x);\n        printf("\\n");'
                     if p["list"] else ""),
        ]  # fmt: skip

    def wrong_solutions(self, p: Params) -> list[Code]:
        v = self._values(p)
        adjacent = """
            n = int(input())
            a = $read
            b = [x for i, x in enumerate(a) if i == 0 or x != a[i - 1]]
            $show
            """
        wrong = [
            py_loop(p, adjacent, "wrong formula", **v, read="list(map(int, input().split()))"),
            py_loop(p, """
                n = int(input())
                a = sorted(map(int, input().split()))
                print(sum(a[i] != a[i - 1] for i in range(1, n)))
                """, "off by one") if not p["list"] else
            py_loop(p, adjacent, "wrong output format", read="sorted(map(int, input().split()))", show="print(*b)"),
            py_loop(p, """
                n = int(input())
                b = []
                for x in map(int, input().split()):
                    if x not in b:
                        b.append(x)
                b.sort()
                $show
                """, "too slow", **v),
        ]
        return wrong


FAMILIES: list[Family] = [MaxSumAfterKNegations(), BoatPairing(), DistinctValues()]
