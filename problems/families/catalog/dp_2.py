"""More one-dimensional DP families: the longest increasing subsequence and the 0/1 knapsack (tags: dp, plus
binary search for the O(n log n) subsequence)."""

from __future__ import annotations

import random
from bisect import bisect_left, bisect_right

from problems.families import text
from problems.families.base import Code, Family, Kind, Params, Statement, cpp, py
from problems.families.catalog.dp import (
    CPP_LOOP,
    PY_HEAD,
    array_cases,
    array_section,
    multi_input,
    multi_py,
    multi_sections,
)


TAILS_PY = """
    from bisect import bisect_$side
    n = int(input())
    tails = []
    for x in map(int, input().split()):
        i = bisect_$side(tails, x)
        if i == len(tails):
            tails.append(x)
        else:
            tails[i] = x
    print(len(tails))
    """


class LisLength(Family):
    """The length of the longest strictly increasing (or non-decreasing) subsequence, in O(n log n) with the
    table of smallest tails. Switches: strict or not; one test or many."""

    name = "lis_length"
    tags = ("dp", "binary search")
    rating = 1500

    def draw(self, rng: random.Random) -> Params:
        return {"strict": rng.random() < 0.6, "multi": rng.random() < 0.4, "n_max": rng.choice((10**5, 2 * 10**5)),
                "a_max": rng.choice((10**9, 10**6)), "t_max": 10**4}  # fmt: skip

    def statement(self, p: Params, rng: random.Random) -> Statement:
        hero = text.name(rng)
        rel = "strictly increasing" if p["strict"] else "non-decreasing"
        cmp = "<" if p["strict"] else "≤"
        legend = text.pick(rng, (
            f"{hero} looks at n towers in a row in {text.place(rng)}, the i-th has height a_i. {hero} wants to keep "
            f"as many towers as possible and demolish the rest so that the heights of the kept ones, from left to "
            f"right, are {rel}. How many towers can be kept?",
            f"{hero} wrote n numbers a_1, …, a_n. Find the largest k for which there are indices i_1 < i_2 < … < i_k "
            f"with a_(i_1) {cmp} a_(i_2) {cmp} … {cmp} a_(i_k).",
            f"You are given a sequence of n integers. Find the length of its longest {rel} subsequence (a "
            "subsequence is obtained by deleting some elements without changing the order of the rest).",
        ))  # fmt: skip
        case_out = f"{text.print_verb(rng)} {text.single_integer(rng)} — the length of the longest {rel} subsequence."
        return Statement(legend, *multi_sections(p, rng, array_section(p, rng, 1), case_out))

    def _case(self, p: Params, rng: random.Random, kind: Kind, n: int | None) -> str:
        n = n or {"example": rng.randint(1, 8), "small": rng.randint(1, 30), "edge": rng.randint(1, 6)}[kind]
        top = rng.choice((3, 10, 100)) if kind in ("example", "small") else p["a_max"]
        a = [rng.randint(1, top) for _ in range(n)]
        if kind == "edge":
            a = rng.choice(([top] * n, sorted(a), sorted(a, reverse=True), [1 + i % 2 for i in range(n)]))
        elif kind == "large" and rng.random() < 0.5:
            a = sorted(rng.randint(1, top) for _ in range(n))  # long answer, with repeats when top is small
            for _ in range(n // 20):
                a[rng.randrange(n)] = rng.randint(1, top)
        return f"{n}\n{' '.join(map(str, a))}\n"

    def make_input(self, p: Params, rng: random.Random, kind: Kind) -> str:
        return multi_input(p, rng, kind, lambda r, k, n: self._case(p, r, k, n))

    def answer(self, p: Params, given: str) -> str:
        place = bisect_left if p["strict"] else bisect_right
        out = []
        for a in array_cases(p, given):
            tails: list[int] = []
            for x in a:
                i = place(tails, x)
                tails[i : i + 1] = [x]
            out.append(len(tails))
        return "\n".join(map(str, out)) + "\n"

    def solutions(self, p: Params) -> list[Code]:
        side = "left" if p["strict"] else "right"
        bound = "lower_bound" if p["strict"] else "upper_bound"
        return [
            multi_py(p["multi"], TAILS_PY, side=side),
            py("""
                import sys
                from bisect import bisect_$side

                def lis(seq):
                    d = []
                    for v in seq:
                        j = bisect_$side(d, v)
                        d[j:j + 1] = [v]
                    return len(d)

                data = sys.stdin.buffer.read().split()
                $head
                ans = []
                for _ in range(t):
                    n = int(data[pos])
                    ans.append(lis(map(int, data[pos + 1:pos + 1 + n])))
                    pos += n + 1
                sys.stdout.write("\\n".join(map(str, ans)) + "\\n")
                """, side=side, head=PY_HEAD[p["multi"]]),
            cpp("""
                #include <bits/stdc++.h>
                using namespace std;
                int main() {
                    ios::sync_with_stdio(false);
                    cin.tie(nullptr);
                    $loop
                        int n;
                        cin >> n;
                        vector<int> d;
                        for (int i = 0; i < n; i++) {
                            int x;
                            cin >> x;
                            auto it = $bound(d.begin(), d.end(), x);
                            if (it == d.end()) d.push_back(x);
                            else *it = x;
                        }
                        cout << d.size() << "\\n";
                    }
                }
                """, loop=CPP_LOOP[p["multi"]], bound=bound),
            cpp("""
                #include <cstdio>
                int a[200005], tl[200005];
                int main() {
                    int t = 1;
                    $read_t
                    while (t--) {
                        int n, len = 0;
                        scanf("%d", &n);
                        for (int i = 0; i < n; i++) scanf("%d", &a[i]);
                        for (int i = 0; i < n; i++) {
                            int lo = 0, hi = len;  // first position whose tail is $cmp a[i]
                            while (lo < hi) {
                                int mid = (lo + hi) / 2;
                                if (tl[mid] $cmp a[i]) hi = mid; else lo = mid + 1;
                            }
                            tl[lo] = a[i];
                            if (lo == len) len++;
                        }
                        printf("%d\\n", len);
                    }
                    return 0;
                }
                """, read_t='scanf("%d", &t);' if p["multi"] else "", cmp=">=" if p["strict"] else ">"),
        ]  # fmt: skip

    def wrong_solutions(self, p: Params) -> list[Code]:
        loop = CPP_LOOP[p["multi"]]
        return [
            # Equal values: bisect_right lets them extend a strict subsequence, bisect_left stops a non-strict one.
            multi_py(p["multi"], TAILS_PY, "wrong operator", side="right" if p["strict"] else "left"),
            multi_py(p["multi"], """
                n = int(input())
                a = list(map(int, input().split()))
                f = [1] * n
                for i in range(n):
                    for j in range(i):
                        if a[j] $cmp a[i] and f[j] + 1 > f[i]:
                            f[i] = f[j] + 1
                print(max(f))
                """, "too slow", cmp="<" if p["strict"] else "<="),
            cpp("""
                #include <bits/stdc++.h>
                using namespace std;
                int main() {
                    $loop
                        int n;
                        cin >> n;
                        vector<int> a(n);
                        for (auto &x : a) cin >> x;
                        int best = 1, run = 1;
                        for (int i = 1; i < n; i++) {
                            run = (a[i - 1] $cmp a[i]) ? run + 1 : 1;
                            best = max(best, run);
                        }
                        cout << best << "\\n";
                    }
                }
                """, "wrong formula", loop=loop, cmp="<" if p["strict"] else "<="),
        ]  # fmt: skip


KNAPSACK_PY = """
    n, W = map(int, input().split())
    $read
    dp = [0] * (W + 1)
    for w, v in items:
        for c in $capacities:
            dp[c] = max(dp[c], dp[c - w] + v)
    print(dp[W])
    """
KNAPSACK_CPP = """
    #include <bits/stdc++.h>
    using namespace std;
    int main() {
        int n, W;
        cin >> n >> W;
        vector<int> w(n);
        vector<$T> v(n);
        $read
        vector<$T> dp(W + 1, 0);
        for (int i = 0; i < n; i++)
            for (int c = W; c $cmp w[i]; c--)
                dp[c] = max(dp[c], dp[c - w[i]] + v[i]);
        cout << dp[W] << endl;
    }
    """


class Knapsack01(Family):
    """The 0/1 knapsack: the largest total value of items of total weight at most W, by a DP over capacities
    walked downwards (upwards would reuse an item). Switch: items as n pairs or as two lines. Values need 64 bits."""

    name = "knapsack_01"
    tags = ("dp",)
    rating = 1400

    def draw(self, rng: random.Random) -> Params:
        return {"pairs": rng.random() < 0.5, "n_max": 100, "w_max": rng.choice((10**3, 5000, 10**4)),
                "v_max": rng.choice((10**9, 10**8))}  # fmt: skip

    def statement(self, p: Params, rng: random.Random) -> Statement:
        hero = text.name(rng)
        legend = text.pick(rng, (
            f"{hero} is going on a hike from {text.place(rng)} and has a backpack that holds at most W kilograms. "
            "There are n items, the i-th weighs w_i kilograms and is worth v_i. Each item can be taken at most once. "
            "What is the largest total worth that fits in the backpack?",
            f"A thief in {text.place(rng)} found n valuables: the i-th has weight w_i and price v_i. The bag holds a "
            "total weight of at most W. Find the largest total price the thief can carry away (each valuable "
            "exists in one copy).",
            "Given n items with weights w_i and values v_i and a capacity W, choose a subset of items of total weight "
            "at most W with the maximum total value.",
        ))  # fmt: skip
        first = (f"{text.first_line(rng)} {text.integers(rng, ['n', 'W'])} ({text.bounds(rng, 'n', 1, p['n_max'])}, "
                 f"{text.bounds(rng, 'W', 1, p['w_max'])}).")  # fmt: skip
        w = text.bounds(rng, "w_i", 1, p["w_max"])
        v = text.bounds(rng, "v_i", 1, p["v_max"])
        if p["pairs"]:
            rest = f"The i-th of the next n lines contains two integers w_i and v_i ({w}, {v})."
        else:
            rest = (f"{text.second_line(rng)} {text.sequence(rng, 'w', 'n')} ({w}).\n\nThe third line contains "
                    f"{text.sequence(rng, 'v', 'n')} ({v}).")  # fmt: skip
        out = f"{text.print_verb(rng)} {text.single_integer(rng)} — the maximum total value."
        return Statement(legend, f"{first}\n\n{rest}", out)

    def make_input(self, p: Params, rng: random.Random, kind: Kind) -> str:
        n = {"example": rng.randint(1, 4), "small": rng.randint(1, 12), "edge": rng.randint(1, 3), "large": p["n_max"]}[kind]
        cap = {"example": 10, "small": 50}.get(kind, p["w_max"])
        big = p["v_max"] if kind in ("edge", "large") else 30
        cap = rng.randint(max(1, cap // 2), cap)
        w = [rng.randint(1, cap) for _ in range(n)]
        if kind == "large" or rng.random() < 0.3:
            w = [rng.randint(1, max(1, cap // rng.choice((5, 20, n)))) for _ in range(n)]  # many items fit
        if kind == "small" and rng.random() < 0.3:
            w[0] = rng.randint(cap, p["w_max"])  # heavier than the backpack
        v = [rng.randint(1, big) for _ in range(n)]
        if kind == "small" and rng.random() < 0.5:
            v = [x * 3 + rng.randint(0, 2) for x in w]  # values close to proportional: greedy by ratio errs
        if kind == "edge":
            h, s = max(1, cap // 2), big // (cap + 2)  # h+1, h, h: the best ratio first is not the best set
            w, v = rng.choice((([cap] * n, v), ([1] * n, [big] * n), ([cap] + [cap // 2 + 1] * (n - 1), [big] * n),
                               ([h + 1, h, h], [(h + 2) * s, h * s, h * s])))
            n = len(w)
            if rng.random() < 0.5:
                w[0] = cap  # an item that fills the backpack exactly
        if p["pairs"]:
            rows = "".join(f"{a} {b}\n" for a, b in zip(w, v))
        else:
            rows = f"{' '.join(map(str, w))}\n{' '.join(map(str, v))}\n"
        return f"{n} {cap}\n{rows}"

    def answer(self, p: Params, given: str) -> str:
        nums = list(map(int, given.split()))
        n, cap = nums[0], nums[1]
        items = list(zip(nums[2::2], nums[3::2])) if p["pairs"] else list(zip(nums[2 : 2 + n], nums[2 + n :]))
        best = {0: 0}  # total weight -> the best value with exactly that weight
        for w, v in items:
            for have, val in list(best.items()):
                if have + w <= cap and best.get(have + w, -1) < val + v:
                    best[have + w] = val + v
        return f"{max(best.values())}\n"

    def _read_py(self, p: Params) -> str:
        if p["pairs"]:
            return "items = [tuple(map(int, input().split())) for _ in range(n)]"
        return "items = list(zip(map(int, input().split()), map(int, input().split())))"

    def _read_cpp(self, p: Params) -> str:
        if p["pairs"]:
            return "for (int i = 0; i < n; i++) cin >> w[i] >> v[i];"
        return "for (auto &x : w) cin >> x;\n    for (auto &x : v) cin >> x;"

    def solutions(self, p: Params) -> list[Code]:
        return [
            py(KNAPSACK_PY, read=self._read_py(p), capacities="range(W, w - 1, -1)"),
            py("""
                import sys
                it = iter(map(int, sys.stdin.read().split()))
                n, cap = next(it), next(it)
                $pairs
                best = [0] * (cap + 1)
                for wt, val in pairs:
                    if wt > cap:
                        continue
                    shifted = [b + val for b in best[:cap + 1 - wt]]
                    best = best[:wt] + [max(a, b) for a, b in zip(best[wt:], shifted)]
                print(max(best))
                """, pairs="pairs = [(next(it), next(it)) for _ in range(n)]" if p["pairs"]
                else "ws = [next(it) for _ in range(n)]\npairs = zip(ws, [next(it) for _ in range(n)])"),
            cpp(KNAPSACK_CPP, read=self._read_cpp(p), T="long long", cmp=">="),
            cpp("""
                #include <bits/stdc++.h>
                using namespace std;
                long long f[101][10001];
                int main() {
                    int n, W;
                    scanf("%d %d", &n, &W);
                    vector<int> w(n + 1);
                    vector<long long> v(n + 1);
                    $scan
                    for (int i = 1; i <= n; i++)
                        for (int c = 0; c <= W; c++) {
                            f[i][c] = f[i - 1][c];
                            if (c >= w[i]) f[i][c] = max(f[i][c], f[i - 1][c - w[i]] + v[i]);
                        }
                    printf("%lld\\n", f[n][W]);
                }
                """, scan='for (int i = 1; i <= n; i++) scanf("%d %lld", &w[i], &v[i]);' if p["pairs"] else
                'for (int i = 1; i <= n; i++) scanf("%d", &w[i]);\n    for (int i = 1; i <= n; i++) scanf("%lld", &v[i]);'),
        ]  # fmt: skip

    def wrong_solutions(self, p: Params) -> list[Code]:
        return [
            # Upwards, dp[c - w] may already hold this item: it is taken again and again.
            py(KNAPSACK_PY, "wrong formula", read=self._read_py(p), capacities="range(w, W + 1)"),
            py("""
                n, W = map(int, input().split())
                $read
                items.sort(key=lambda it: -it[1] / it[0])
                total = room = 0
                for w, v in items:
                    if w <= W - room:
                        room += w
                        total += v
                print(total)
                """, "wrong formula", read=self._read_py(p)),
            cpp(KNAPSACK_CPP, "overflow", read=self._read_cpp(p), T="int", cmp=">="),
            cpp(KNAPSACK_CPP, "off by one", read=self._read_cpp(p), T="long long", cmp=">"),
        ]  # fmt: skip


FAMILIES: list[Family] = [LisLength(), Knapsack01()]
