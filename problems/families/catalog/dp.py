"""Families about one-dimensional dynamic programming: ways to climb stairs, the best subarray (tags: dp, plus
what each needs), and the helpers the DP modules share for one test or many and for array inputs. The increasing
subsequence and the knapsack are in dp_2.py, coin change and grid paths in dp_3.py."""

from __future__ import annotations

import random
import textwrap

from problems.families import text
from problems.families.base import Code, Family, Kind, Params, Statement, cpp, py

MODS = (10**9 + 7, 998244353)
# The C++ per-test loop of a multi-test program: the body sits in braces either way.
CPP_LOOP = {True: "int t; cin >> t; while (t--) {", False: "{"}


def multi_py(multi: bool, body: str, mistake: str = "", **values: object) -> Code:
    """A Python program whose `body` reads one test case with input(), run t times when the input has many."""
    body = textwrap.dedent(body).strip("\n")
    if multi:
        body = "for _ in range(int(input())):\n" + textwrap.indent(body, "    ")
    return py(body, mistake, **values)


def split_total(rng: random.Random, total: int, parts: int, least: int = 1) -> list[int]:
    """`parts` sizes, each at least `least`, summing to `total` (the sizes of a multi-test input)."""
    cuts = sorted(rng.sample(range(1, total - parts * (least - 1)), parts - 1)) if parts > 1 else []
    sizes = [b - a for a, b in zip([0] + cuts, cuts + [total - parts * (least - 1)])]
    return [s + least - 1 for s in sizes]


def multi_input(p: Params, rng: random.Random, kind: Kind, case) -> str:
    """One input of a family with switch `multi`: `case(rng, kind, n)` writes one test case of size n (None: the
    case chooses). A large multi input spends the whole sum constraint `n_max` over a few cases."""
    if not p["multi"]:
        return case(rng, kind, p["n_max"] if kind == "large" else None)
    if kind == "large":
        sizes = split_total(rng, p["n_max"], rng.randint(1, 4))
    else:
        sizes = [None] * {"example": rng.randint(2, 3), "small": rng.randint(1, 10), "edge": rng.randint(1, 6)}[kind]
    return f"{len(sizes)}\n" + "".join(case(rng, kind, n) for n in sizes)


def multi_sections(p: Params, rng: random.Random, case_input: str, case_output: str) -> tuple[str, str]:
    """The input and output sections for one test case or many (sum of n bounded by n_max)."""
    if not p["multi"]:
        return case_input, case_output
    case_input = case_input.replace(" of the input", "").replace(" of input", "")
    inp = (f"{text.multi_test_intro(rng, p['t_max'])}\n\nEach test case is given as follows. {case_input}\n\n"
           f"{text.sum_constraint(rng, 'n', p['n_max'])}")
    return inp, f"For each test case, {case_output[0].lower()}{case_output[1:]}"


def array_section(p: Params, rng: random.Random, lo: int) -> str:
    """The input of one test case that is an array: n, then a_1..a_n with lo ≤ a_i ≤ a_max."""
    return (f"{text.first_line(rng)} {text.integer(rng, 'n')} ({text.bounds(rng, 'n', 1, p['n_max'])}).\n\n"
            f"{text.second_line(rng)} {text.sequence(rng, 'a', 'n')} ({text.bounds(rng, 'a_i', lo, p['a_max'])}).")


def array_cases(p: Params, given: str) -> list[list[int]]:
    """The arrays of an input made of "n, then n numbers" test cases (after t when `multi`)."""
    nums = list(map(int, given.split()))
    pos, arrays = (1 if p["multi"] else 0), []
    while pos < len(nums):
        arrays.append(nums[pos + 1 : pos + 1 + nums[pos]])
        pos += nums[pos] + 1
    return arrays


# The head of a Python program that reads everything at once: t and the position of the first test case.
PY_HEAD = {True: "t, pos = int(data[0]), 1", False: "t, pos = 1, 0"}


class StairsWays(Family):
    """Ways to climb n steps taking 1..k steps at a time, modulo M: a sliding-window sum over the DP.
    Switches: k given or fixed to 2 (Fibonacci); the modulus."""

    name = "stairs_ways"
    tags = ("dp", "combinatorics")
    rating = 1100

    def draw(self, rng: random.Random) -> Params:
        return {"k_given": rng.random() < 0.6, "mod": rng.choice(MODS), "n_max": rng.choice((10**5, 2 * 10**5))}

    def statement(self, p: Params, rng: random.Random) -> Statement:
        hero = text.name(rng)
        step = "from 1 to k" if p["k_given"] else "1 or 2"
        legend = text.pick(rng, (
            f"{hero} stands at the bottom of a staircase with n steps. In one move {hero} climbs {step} steps. In how "
            "many different ways can the top be reached? Two ways differ if their sequences of moves differ.",
            f"A frog in {text.place(rng)} wants to get from stone 0 to stone n. In one jump it moves forward by {step} "
            "stones. Count the different sequences of jumps that end exactly at stone n.",
            f"Count the sequences of positive integers, each {'at most k' if p['k_given'] else 'equal to 1 or 2'}, "
            "whose sum is exactly n.",
        ))  # fmt: skip
        ints = text.integers(rng, ["n", "k"]) if p["k_given"] else text.integer(rng, "n")
        k = f", {text.bounds(rng, 'k', 1, p['n_max'])}" if p["k_given"] else ""
        inp = f"{text.only_line(rng)} {ints} ({text.bounds(rng, 'n', 1, p['n_max'])}{k})."
        out = f"{text.print_verb(rng)} the number of ways modulo {p['mod']}."
        return Statement(legend, inp, out)

    def make_input(self, p: Params, rng: random.Random, kind: Kind) -> str:
        top = {"example": 8, "small": 60, "edge": p["n_max"], "large": p["n_max"]}[kind]
        n = rng.randint(1, top)
        k = rng.randint(1, n) if rng.random() < 0.7 else rng.randint(1, p["n_max"])
        if kind == "edge":
            n, k = rng.choice(((1, 1), (1, p["n_max"]), (top, 1), (top, top), (2, 1), (top, 2)))
        elif kind == "large":
            k = rng.randint(n // 2, n)  # a large k: O(n k) is too slow
        return f"{n} {k}\n" if p["k_given"] else f"{n}\n"

    def answer(self, p: Params, given: str) -> str:
        n, k = (list(map(int, given.split())) + [2])[:2]
        ways, prefix = [1], [0, 1]  # prefix[i] = ways[0] + ... + ways[i - 1]
        for i in range(1, n + 1):
            ways.append((prefix[i] - prefix[max(0, i - k)]) % p["mod"])
            prefix.append(prefix[i] + ways[i])
        return f"{ways[n]}\n"

    def solutions(self, p: Params) -> list[Code]:
        read = "n, k = map(int, input().split())" if p["k_given"] else "n = int(input())\nk = 2"
        cin = "cin >> n >> k;" if p["k_given"] else "cin >> n; k = 2;"
        scan = 'scanf("%d %d", &n, &k);' if p["k_given"] else 'scanf("%d", &n); k = 2;'
        return [
            py("""
                $read
                M = $mod
                dp = [1] + [0] * n
                window = 1  # dp[i - k] + ... + dp[i - 1]
                for i in range(1, n + 1):
                    dp[i] = window
                    window += dp[i]
                    if i >= k:
                        window -= dp[i - k]
                    window %= M
                print(dp[n])
                """, read=read, mod=p["mod"]),
            py("""
                import sys
                vals = sys.stdin.read().split()
                n = int(vals[0])
                k = $k
                MOD = $mod
                pre = [0, 1]
                for i in range(1, n + 1):
                    pre.append((2 * pre[i] - pre[max(0, i - k)]) % MOD)
                print((pre[n + 1] - pre[n]) % MOD)
                """, k="int(vals[1])" if p["k_given"] else "2", mod=p["mod"]),
            cpp("""
                #include <bits/stdc++.h>
                using namespace std;
                const long long MOD = $mod;
                int main() {
                    int n, k;
                    $cin
                    vector<long long> dp(n + 1, 0), pre(n + 2, 0);
                    dp[0] = 1; pre[1] = 1;
                    for (int i = 1; i <= n; i++) {
                        dp[i] = ((pre[i] - pre[max(0, i - k)]) % MOD + MOD) % MOD;
                        pre[i + 1] = (pre[i] + dp[i]) % MOD;
                    }
                    cout << dp[n] << endl;
                }
                """, cin=cin, mod=p["mod"]),
            cpp("""
                #include <cstdio>
                #include <vector>
                int main() {
                    const int M = $mod;
                    int n, k;
                    $scan
                    std::vector<int> f(n + 1);
                    f[0] = 1;
                    long long s = 1;
                    for (int i = 1; i <= n; ++i) {
                        f[i] = s;
                        s = (s + f[i]) % M;
                        if (i >= k) s = (s - f[i - k] + M) % M;
                    }
                    printf("%d\\n", f[n]);
                    return 0;
                }
                """, scan=scan, mod=p["mod"]),
        ]  # fmt: skip

    def wrong_solutions(self, p: Params) -> list[Code]:
        read = "n, k = map(int, input().split())" if p["k_given"] else "n = int(input())\nk = 2"
        cin = "cin >> n >> k;" if p["k_given"] else "cin >> n; k = 2;"
        wrong = [
            py("""
                $read
                M = $mod
                dp = [1] + [0] * n
                for i in range(1, n + 1):
                    for j in range(1, k):
                        if j <= i:
                            dp[i] = (dp[i] + dp[i - j]) % M
                print(dp[n])
                """, "off by one", read=read, mod=p["mod"]),
            cpp("""
                #include <bits/stdc++.h>
                using namespace std;
                const long long MOD = $mod;
                int main() {
                    int n, k;
                    $cin
                    vector<long long> dp(n + 1, 0), pre(n + 2, 0);
                    dp[0] = 1; pre[1] = 1;
                    for (int i = 1; i <= n; i++) {
                        dp[i] = (pre[i] - pre[max(0, i - k)]) % MOD;
                        pre[i + 1] = (pre[i] + dp[i]) % MOD;
                    }
                    cout << dp[n] << endl;
                }
                """, "wrong formula", cin=cin, mod=p["mod"]),
        ]  # fmt: skip
        if p["k_given"]:
            wrong.append(py("""
                n, k = map(int, input().split())
                dp = [1] + [0] * n
                for i in range(1, n + 1):
                    dp[i] = sum(dp[max(0, i - k):i]) % $mod
                print(dp[n])
                """, "too slow", mod=p["mod"]))  # fmt: skip
        return wrong


KADANE_PY = """
    n = int(input())
    a = list(map(int, input().split()))
    best = $init
    cur = 0
    for x in a:
        cur = max(x, cur + x)
        best = max(best, cur)
    print(best)
    """


class MaxSubarraySum(Family):
    """The largest sum of a contiguous subarray (Kadane). Switches: the empty subarray allowed (answer ≥ 0) or
    not; one test or many. Sums exceed 32 bits."""

    name = "max_subarray_sum"
    tags = ("dp", "greedy")
    rating = 1100

    def draw(self, rng: random.Random) -> Params:
        return {"empty": rng.random() < 0.4, "multi": rng.random() < 0.5, "n_max": rng.choice((10**5, 2 * 10**5)),
                "a_max": rng.choice((10**8, 10**9)), "t_max": 10**4}  # fmt: skip

    def statement(self, p: Params, rng: random.Random) -> Statement:
        hero = text.name(rng)
        rule = ("The chosen segment may be empty, its sum is then 0." if p["empty"]
                else "The segment must contain at least one element.")  # fmt: skip
        legend = text.pick(rng, (
            f"{hero} recorded the profit of a shop in {text.place(rng)} for n days: on day i it was a_i (a loss when "
            f"negative). {hero} wants to choose consecutive days with the largest total profit. {rule}",
            f"{hero} has a row of n cards with integers a_1, …, a_n. {hero} takes a contiguous block of cards and "
            f"scores the sum of its numbers. What is the best possible score? {rule}",
            f"You are given an array a of n integers. Find the maximum sum of a subarray a_l, a_(l+1), …, a_r. {rule}",
        ))  # fmt: skip
        case_out = f"{text.print_verb(rng)} {text.single_integer(rng)} — the maximum sum."
        return Statement(legend, *multi_sections(p, rng, array_section(p, rng, -p["a_max"]), case_out))

    def _case(self, p: Params, rng: random.Random, kind: Kind, n: int | None) -> str:
        top = 20 if kind in ("example", "small") else p["a_max"]
        n = n or {"example": rng.randint(1, 7), "small": rng.randint(1, 30), "edge": rng.randint(1, 4)}[kind]
        a = [rng.randint(-top, top) for _ in range(n)]
        if kind == "edge" or rng.random() < 0.2:
            a = rng.choice(([-top] * n, [top] * n, [-rng.randint(1, top) for _ in range(n)], [0] * n))
        elif kind == "large" and rng.random() < 0.5:
            a = [rng.randint(-top // 4, top) for _ in range(n)]  # a huge positive total
        return f"{n}\n{' '.join(map(str, a))}\n"

    def make_input(self, p: Params, rng: random.Random, kind: Kind) -> str:
        return multi_input(p, rng, kind, lambda r, k, n: self._case(p, r, k, n))

    def answer(self, p: Params, given: str) -> str:
        out = []
        for a in array_cases(p, given):
            best, low, run = -(10**30), 0, 0  # best prefix difference; low = the smallest earlier prefix sum
            for x in a:
                run += x
                best, low = max(best, run - low), min(low, run)
            out.append(max(best, 0) if p["empty"] else best)
        return "\n".join(map(str, out)) + "\n"

    def solutions(self, p: Params) -> list[Code]:
        init = "0" if p["empty"] else "a[0]"
        return [
            multi_py(p["multi"], KADANE_PY, init=init),
            py("""
                import sys
                data = sys.stdin.buffer.read().split()
                $head
                res = []
                for _ in range(t):
                    n = int(data[pos])
                    s, lo, best = 0, 0, -10**30
                    for v in data[pos + 1:pos + 1 + n]:
                        s += int(v)
                        $update
                    res.append(best)
                    pos += n + 1
                print("\\n".join(map(str, res)))
                """, head=PY_HEAD[p["multi"]],
                update=("lo = min(lo, s)\n        best = max(best, s - lo)" if p["empty"]
                        else "best = max(best, s - lo)\n        lo = min(lo, s)")),
            cpp("""
                #include <bits/stdc++.h>
                using namespace std;
                int main() {
                    ios::sync_with_stdio(false);
                    cin.tie(nullptr);
                    $loop
                        int n;
                        cin >> n;
                        vector<long long> a(n);
                        for (auto &x : a) cin >> x;
                        long long best = $init, cur = 0;
                        for (long long x : a) {
                            cur = max(x, cur + x);
                            best = max(best, cur);
                        }
                        cout << best << "\\n";
                    }
                }
                """, loop=CPP_LOOP[p["multi"]], init=init),
            cpp("""
                #include <cstdio>
                #include <algorithm>
                int main() {
                    int t = 1;
                    $read_t
                    while (t--) {
                        int n;
                        scanf("%d", &n);
                        long long pre = 0, lo = 0, ans = $start;
                        for (int i = 0; i < n; i++) {
                            long long x;
                            scanf("%lld", &x);
                            pre += x;
                            ans = std::max(ans, pre - lo);
                            lo = std::min(lo, pre);
                        }
                        printf("%lld\\n", ans);
                    }
                }
                """, read_t='scanf("%d", &t);' if p["multi"] else "", start="0" if p["empty"] else "-(1LL << 62)"),
        ]  # fmt: skip

    def wrong_solutions(self, p: Params) -> list[Code]:
        loop = CPP_LOOP[p["multi"]]
        return [
            # The other switch value's start: a negative answer where 0 is allowed, or 0 where it is not.
            multi_py(p["multi"], KADANE_PY, "missed edge case", init="a[0]" if p["empty"] else "0"),
            multi_py(p["multi"], """
                n = int(input())
                a = list(map(int, input().split()))
                best = $init
                for i in range(n):
                    s = 0
                    for j in range(i, n):
                        s += a[j]
                        if s > best:
                            best = s
                print(best)
                """, "too slow", init="0" if p["empty"] else "a[0]"),
            cpp("""
                #include <bits/stdc++.h>
                using namespace std;
                int main() {
                    $loop
                        int n;
                        cin >> n;
                        int best = $init, cur = 0;
                        for (int i = 0; i < n; i++) {
                            int x;
                            cin >> x;
                            cur = max(x, cur + x);
                            best = max(best, cur);
                        }
                        cout << best << "\\n";
                    }
                }
                """, "overflow", loop=loop, init="0" if p["empty"] else "INT_MIN"),
            cpp("""
                #include <bits/stdc++.h>
                using namespace std;
                int main() {
                    $loop
                        int n;
                        cin >> n;
                        long long sum = 0, mx = LLONG_MIN;
                        for (int i = 0; i < n; i++) {
                            long long x;
                            cin >> x;
                            if (x > 0) sum += x;
                            mx = max(mx, x);
                        }
                        cout << (sum > 0 ? sum : $neg) << "\\n";
                    }
                }
                """, "wrong formula", loop=loop, neg="0" if p["empty"] else "mx"),
        ]  # fmt: skip


FAMILIES: list[Family] = [StairsWays(), MaxSubarraySum()]
