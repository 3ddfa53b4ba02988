"""Families about plain arithmetic: counting, sums, products, rounding (tags: math, implementation)."""

from __future__ import annotations

import random

from problems.families import text
from problems.families.base import Code, Family, Kind, Params, Statement, cpp, py


class CountMultiples(Family):
    """How many integers of [l, r] are divisible by k. Switch: one test or many."""

    name = "count_multiples"
    tags = ("math",)
    rating = 800

    def draw(self, rng: random.Random) -> Params:
        return {"multi": rng.random() < 0.5, "r_max": rng.choice((10**9, 10**12, 10**18)), "t_max": rng.choice((100, 10**4))}

    def statement(self, p: Params, rng: random.Random) -> Statement:
        hero = text.name(rng)
        legend = text.pick(rng, (
            f"{hero} waits at a bus stop in {text.place(rng)}. A bus arrives at every minute whose number is divisible "
            "by k. How many buses arrive from minute l to minute r inclusive?",
            f"The street of {hero} has houses numbered with consecutive integers. {hero} wants to paint every house "
            "whose number is a multiple of k. Count the houses with numbers from l to r (inclusive) that get painted.",
            "You are given three integers l, r and k. Find the number of integers x such that l ≤ x ≤ r and x is "
            "divisible by k.",
            f"{hero} counts the integers between l and r, both ends included, that leave remainder 0 when divided by "
            f"k. Help {hero} find this number quickly.",
        ))  # fmt: skip
        line = f"{text.integers(rng, ['l', 'r', 'k'])} ({text.bounds(rng, 'l', 1, p['r_max'])}, l ≤ r ≤ " \
               f"{text.number(rng, p['r_max'])}, {text.bounds(rng, 'k', 1, p['r_max'])})."
        if p["multi"]:
            inp = f"{text.multi_test_intro(rng, p['t_max'])}\n\nThe only line of each test case contains {line}"
            out = f"For each test case, {text.print_verb(rng).lower()} {text.single_integer(rng)} — the answer."
        else:
            inp = f"{text.only_line(rng)} {line}"
            out = f"{text.print_verb(rng)} {text.single_integer(rng)} — the number of multiples of k in [l, r]."
        return Statement(legend, inp, out)

    def _case(self, p: Params, rng: random.Random, kind: Kind) -> str:
        top = {"example": 30, "small": 1000, "edge": p["r_max"], "large": p["r_max"]}[kind]
        l = rng.randint(1, top)
        r = rng.randint(l, top)
        k = rng.randint(1, max(1, min(top, r) if rng.random() < 0.8 else 10))
        if kind == "edge":
            l, r, k = rng.choice(((1, 1, 1), (top, top, top), (1, top, 1), (k, k, k), (l, l, k), (1, top, top)))
        return f"{l} {r} {k}"

    def make_input(self, p: Params, rng: random.Random, kind: Kind) -> str:
        if not p["multi"]:
            return self._case(p, rng, kind) + "\n"
        t = {"example": rng.randint(2, 4), "small": rng.randint(1, 20), "edge": rng.randint(1, 5), "large": p["t_max"]}[kind]
        return f"{t}\n" + "".join(self._case(p, rng, kind) + "\n" for _ in range(t))

    def answer(self, p: Params, given: str) -> str:
        nums = list(map(int, given.split()))
        cases = [nums[i : i + 3] for i in range(1 if p["multi"] else 0, len(nums), 3)]
        return "\n".join(str(r // k - (l - 1) // k) for l, r, k in cases) + "\n"

    def _wrap_py(self, p: Params, body: str, mistake: str = "") -> Code:
        # One test or many: the same per-case body, inside a loop or not.
        if p["multi"]:
            return py("for _ in range(int(input())):\n$body", mistake, body="\n".join("    " + l for l in body.splitlines()))
        return py(body, mistake)

    def solutions(self, p: Params) -> list[Code]:
        loop = "int t; cin >> t; while (t--) {" if p["multi"] else "{"
        return [
            self._wrap_py(p, "l, r, k = map(int, input().split())\nprint(r // k - (l - 1) // k)"),
            self._wrap_py(p, "a, b, k = [int(x) for x in input().split()]\ncnt = b // k - (a - 1) // k\nprint(cnt)"),
            cpp("""
                #include <bits/stdc++.h>
                using namespace std;
                int main() {
                    $loop
                        long long l, r, k;
                        cin >> l >> r >> k;
                        cout << r / k - (l - 1) / k << "\\n";
                    }
                    return 0;
                }
                """, loop=loop),
            cpp("""
                #include <cstdio>
                int main() {
                    int t = 1;
                    $read_t
                    while (t--) {
                        long long l, r, k;
                        scanf("%lld %lld %lld", &l, &r, &k);
                        long long ans = r / k - (l - 1) / k;
                        printf("%lld\\n", ans);
                    }
                }
                """, read_t='scanf("%d", &t);' if p["multi"] else ""),
        ]  # fmt: skip

    def wrong_solutions(self, p: Params) -> list[Code]:
        loop = "int t; cin >> t; while (t--) {" if p["multi"] else "{"
        return [
            self._wrap_py(p, "l, r, k = map(int, input().split())\nprint(r // k - l // k)", "off by one"),
            self._wrap_py(p, "l, r, k = map(int, input().split())\nprint(sum(1 for x in range(l, r + 1) if x % k == 0))",
                          "too slow"),
            cpp("""
                #include <bits/stdc++.h>
                using namespace std;
                int main() {
                    $loop
                        int l, r, k;
                        cin >> l >> r >> k;
                        cout << r / k - (l - 1) / k << endl;
                    }
                }
                """, "overflow", loop=loop),
            cpp("""
                #include <bits/stdc++.h>
                using namespace std;
                int main() {
                    $loop
                        long long l, r, k;
                        cin >> l >> r >> k;
                        cout << (r - l + 1) / k << "\\n";
                    }
                }
                """, "wrong formula", loop=loop),
        ]  # fmt: skip


class MaxPairProduct(Family):
    """The largest product of two elements at different positions (negatives make the two smallest count).
    Switch: the array on one line after n, or one number per line."""

    name = "max_pair_product"
    tags = ("math", "sortings", "greedy")
    rating = 1000

    def draw(self, rng: random.Random) -> Params:
        return {"per_line": rng.random() < 0.3, "n_max": rng.choice((10**5, 2 * 10**5)), "a_max": rng.choice((10**9, 10**6))}

    def statement(self, p: Params, rng: random.Random) -> Statement:
        hero = text.name(rng)
        legend = text.pick(rng, (
            "You are given an array a of n integers. Choose two different indices i and j and maximize a_i ⋅ a_j.",
            f"{hero} has n cards with integers written on them (possibly negative). {hero} picks two different cards "
            "and multiplies their numbers. What is the largest result that can be obtained?",
            f"In {text.place(rng)} there are n shops, the i-th one has a balance of a_i coins (the balance may be "
            "negative). The mayor wants to merge two different shops, and the value of the merger is the product of "
            "their balances. Find the maximum possible value.",
        ))  # fmt: skip
        first = f"{text.first_line(rng)} {text.integer(rng, 'n')} ({text.bounds(rng, 'n', 2, p['n_max'])})."
        values = f"(-{text.number(rng, p['a_max'])} ≤ a_i ≤ {text.number(rng, p['a_max'])})"
        if p["per_line"]:
            rest = f"Each of the next n lines contains one integer a_i {values}."
        else:
            rest = f"{text.second_line(rng)} {text.sequence(rng, 'a', 'n')} {values}."
        out = f"{text.print_verb(rng)} {text.single_integer(rng)} — the maximum product of two elements."
        return Statement(legend, f"{first}\n\n{rest}", out)

    def make_input(self, p: Params, rng: random.Random, kind: Kind) -> str:
        n = {"example": rng.randint(2, 6), "small": rng.randint(2, 30), "edge": rng.choice((2, 3)), "large": p["n_max"]}[kind]
        top = p["a_max"] if kind != "example" else 20
        a = [rng.randint(-top, top) for _ in range(n)]
        if kind == "edge":
            a = rng.choice(([-top] * n, [top] * n, [-top, -top + 1] + [0] * (n - 2), [-1, 0] + [0] * (n - 2)))
        elif rng.random() < 0.5:
            a[:2] = [-top, -top + rng.randint(0, 5)]  # two large negatives: the product of the smallest wins
            rng.shuffle(a)
        sep = "\n" if p["per_line"] else " "
        return f"{n}\n" + sep.join(map(str, a)) + "\n"

    def answer(self, p: Params, given: str) -> str:
        a = sorted(map(int, given.split()[1:]))
        return f"{max(a[0] * a[1], a[-1] * a[-2])}\n"

    def solutions(self, p: Params) -> list[Code]:
        return [
            py("""
                n = int(input())
                a = $read
                a.sort()
                print(max(a[0] * a[1], a[-1] * a[-2]))
                """, read="[int(input()) for _ in range(n)]" if p["per_line"] else "list(map(int, input().split()))"),
            py("""
                import sys
                data = sys.stdin.read().split()
                n = int(data[0])
                a = sorted(int(x) for x in data[1:n + 1])
                best = max(a[0] * a[1], a[n - 1] * a[n - 2])
                print(best)
                """),
            cpp("""
                #include <bits/stdc++.h>
                using namespace std;
                int main() {
                    int n;
                    cin >> n;
                    vector<long long> a(n);
                    for (auto &x : a) cin >> x;
                    sort(a.begin(), a.end());
                    cout << max(a[0] * a[1], a[n - 1] * a[n - 2]) << endl;
                }
                """),
            cpp("""
                #include <bits/stdc++.h>
                using namespace std;
                typedef long long ll;
                int main() {
                    ios::sync_with_stdio(false);
                    cin.tie(nullptr);
                    int n;
                    cin >> n;
                    ll mx1 = LLONG_MIN, mx2 = LLONG_MIN, mn1 = LLONG_MAX, mn2 = LLONG_MAX;
                    for (int i = 0; i < n; i++) {
                        ll x;
                        cin >> x;
                        if (x > mx1) { mx2 = mx1; mx1 = x; } else if (x > mx2) mx2 = x;
                        if (x < mn1) { mn2 = mn1; mn1 = x; } else if (x < mn2) mn2 = x;
                    }
                    cout << max(mx1 * mx2, mn1 * mn2) << "\\n";
                    return 0;
                }
                """),
        ]  # fmt: skip

    def wrong_solutions(self, p: Params) -> list[Code]:
        read = "[int(input()) for _ in range(n)]" if p["per_line"] else "list(map(int, input().split()))"
        return [
            py("""
                n = int(input())
                a = sorted($read)
                print(a[-1] * a[-2])
                """, "missed edge case", read=read),
            py("""
                n = int(input())
                a = $read
                print(max(a[i] * a[j] for i in range(n) for j in range(i + 1, n)))
                """, "too slow", read=read),
            cpp("""
                #include <bits/stdc++.h>
                using namespace std;
                int main() {
                    int n;
                    cin >> n;
                    vector<int> a(n);
                    for (auto &x : a) cin >> x;
                    sort(a.begin(), a.end());
                    cout << max(a[0] * a[1], a[n - 1] * a[n - 2]) << endl;
                }
                """, "overflow"),
            cpp("""
                #include <bits/stdc++.h>
                using namespace std;
                int main() {
                    int n;
                    cin >> n;
                    vector<long long> a(n);
                    for (auto &x : a) cin >> x;
                    sort(a.begin(), a.end());
                    cout << a[n - 1] * a[n - 2] << endl;
                }
                """, "missed edge case"),
        ]  # fmt: skip


FAMILIES: list[Family] = [CountMultiples(), MaxPairProduct()]
