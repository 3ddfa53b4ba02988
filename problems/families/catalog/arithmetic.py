"""Families about plain arithmetic: counting, sums, products, rounding (tags: math, implementation).

Also the helpers for the one-test-or-many switch that the other math modules (arithmetic_2, number_theory,
number_theory_2) share."""

from __future__ import annotations

import random
import textwrap
from collections.abc import Callable

from problems.families import text
from problems.families.base import Code, Family, Kind, Params, Statement, cpp, py

# Helpers for the "one test or many" switch (p["multi"], bound p["t_max"]), shared by the math modules: the
# per-case program, input and statement are the same either way, only the wrapping changes.


def per_case_py(p: Params, body: str, mistake: str = "", head: str = "", **values: object) -> Code:
    """A Python program from the per-case `body`: as is, or inside `for _ in range(int(input())):`; `head` (the
    imports, a helper function) goes before it."""
    body = textwrap.dedent(body).strip("\n")
    if p["multi"]:
        body = "for _ in range(int(input())):\n" + textwrap.indent(body, "    ")
    return py(f"{head}\n{body}" if head else body, mistake, **values)


def cin_loop(p: Params) -> str:
    """The opening of the per-case block in a cin program (closed by the template's `}`)."""
    return "int t; cin >> t; while (t--) {" if p["multi"] else "{"


def cin_program(p: Params, body: str, mistake: str = "", fast: bool = False, head: str = "", **values: object) -> Code:
    """A cin/cout C++ program: one test's `body` (a template) inside the one-test-or-many block; `fast` unties
    the streams, `head` (helper functions) goes before main."""
    body = textwrap.indent(textwrap.dedent(body).strip("\n"), " " * 8)
    sync = "    ios::sync_with_stdio(false);\n    cin.tie(nullptr);\n" if fast else ""
    top = f"#include <bits/stdc++.h>\nusing namespace std;\n{head.strip()}\n" if head else \
        "#include <bits/stdc++.h>\nusing namespace std;\n"
    return cpp(f"{top}int main() {{\n{sync}    $loop\n{body}\n    }}\n}}\n", mistake, loop=cin_loop(p), **values)


def scanf_program(p: Params, body: str, mistake: str = "", head: str = "", **values: object) -> Code:
    """A scanf/printf C++ program: `head` (more includes, globals, helper functions) after <cstdio>, then one
    test's `body` inside `while (t--)`, t read only when there are many tests."""
    body = textwrap.indent(textwrap.dedent(body).strip("\n"), " " * 8)
    head = textwrap.dedent(head).strip("\n")
    read_t = '\n    scanf("%d", &t);' if p["multi"] else ""
    source = f"#include <cstdio>\n{head}\nint main() {{\n    int t = 1;{read_t}\n    while (t--) {{\n{body}\n    }}\n}}\n"
    return cpp(source.replace("<cstdio>\n\n", "<cstdio>\n"), mistake, **values)


def scanf_t(p: Params) -> str:
    """Reads t into an `int t = 1;` declared by the template (nothing when there is one test)."""
    return 'scanf("%d", &t);' if p["multi"] else ""


def case_sections(p: Params, rng: random.Random, line: str, what: str) -> tuple[str, str]:
    """Input and output sections when each test is one line: `line` says what it contains ("two integers
    ... (bounds)."), `what` what to print ("a single integer — the answer")."""
    if p["multi"]:
        inp = f"{text.multi_test_intro(rng, p['t_max'])}\n\nThe only line of each test case contains {line}"
        return inp, f"For each test case, {text.print_verb(rng).lower()} {what}."
    return f"{text.only_line(rng)} {line}", f"{text.print_verb(rng)} {what}."


def cases_input(p: Params, rng: random.Random, kind: Kind, case: Callable[[], str]) -> str:
    """One test (`case()`, a line without its newline) or t of them after t."""
    if not p["multi"]:
        return case() + "\n"
    t = {"example": rng.randint(2, 4), "small": rng.randint(1, 20), "edge": rng.randint(1, 6), "large": p["t_max"]}[kind]
    return f"{t}\n" + "".join(case() + "\n" for _ in range(t))


def case_rows(p: Params, given: str, width: int) -> list[list[int]]:
    """The integers of each test, `width` a test (the leading t skipped when there are many)."""
    nums = list(map(int, given.split()))
    return [nums[i : i + width] for i in range(1 if p["multi"] else 0, len(nums), width)]


class CountMultiples(Family):
    """How many integers of [l, r] are divisible by k. Switch: one test or many."""

    name = "count_multiples"
    tags = ("math",)
    rating = 800

    def draw(self, rng: random.Random) -> Params:
        # r beyond an int (with r ≤ 10^9 the int program is right, and would be dropped)
        return {"multi": rng.random() < 0.5, "r_max": rng.choice((10**12, 10**15, 10**18)), "t_max": rng.choice((100, 10**4))}

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
        inp, out = case_sections(p, rng, line, f"{text.single_integer(rng)} — the number of multiples of k in [l, r]")
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
        return cases_input(p, rng, kind, lambda: self._case(p, rng, kind))

    def answer(self, p: Params, given: str) -> str:
        return "\n".join(str(r // k - (l - 1) // k) for l, r, k in case_rows(p, given, 3)) + "\n"

    def solutions(self, p: Params) -> list[Code]:
        return [
            per_case_py(p, "l, r, k = map(int, input().split())\nprint(r // k - (l - 1) // k)"),
            per_case_py(p, "a, b, k = [int(x) for x in input().split()]\ncnt = b // k - (a - 1) // k\nprint(cnt)"),
            cin_program(p, """
                long long l, r, k;
                cin >> l >> r >> k;
                cout << r / k - (l - 1) / k << "\\n";
                """),
            scanf_program(p, """
                long long l, r, k;
                scanf("%lld %lld %lld", &l, &r, &k);
                long long ans = r / k - (l - 1) / k;
                printf("%lld\\n", ans);
                """),
        ]  # fmt: skip

    def wrong_solutions(self, p: Params) -> list[Code]:
        return [
            per_case_py(p, "l, r, k = map(int, input().split())\nprint(r // k - l // k)", "off by one"),
            per_case_py(p, "l, r, k = map(int, input().split())\nprint(sum(1 for x in range(l, r + 1) if x % k == 0))",
                        "too slow"),
            cin_program(p, """
                int l, r, k;
                cin >> l >> r >> k;
                cout << r / k - (l - 1) / k << endl;
                """, "overflow"),
            cin_program(p, """
                long long l, r, k;
                cin >> l >> r >> k;
                cout << (r - l + 1) / k << "\\n";
                """, "wrong formula"),
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


class CeilDivision(Family):
    """n items, k to a box: how many boxes (ceil(n / k)), or how many items to add so that every box is full.
    Switches: one test or many; which of the two to print."""

    name = "ceil_division"
    tags = ("math",)
    rating = 800

    def draw(self, rng: random.Random) -> Params:
        return {"multi": rng.random() < 0.5, "ask": rng.choice(("boxes", "missing")),
                "n_max": rng.choice((2 * 10**9, 2 * 10**9, 10**12, 10**18)), "t_max": rng.choice((1000, 10**4))}  # fmt: skip

    def statement(self, p: Params, rng: random.Random) -> Statement:
        hero = text.name(rng)
        boxes = p["ask"] == "boxes"
        legend = text.pick(rng, (
            f"{hero} has n candies and packs them into boxes; a box holds at most k candies. " + (
                "What is the smallest number of boxes needed to pack all the candies?" if boxes else
                f"{hero} wants every box to be completely full, so {hero} will buy some more candies. What is the "
                "smallest number of candies to buy so that all of them fill some number of boxes exactly?"),
            f"A group of n tourists in {text.place(rng)} crosses a river by boat, and the boat takes at most k "
            "tourists at a time. " + ("How many trips does the boat make at least?" if boxes else
                                      "The captain wants every trip to be full and invites passers-by to join. How "
                                      "many extra passengers are needed at least so that every trip carries exactly "
                                      "k people?"),
            "You are given two positive integers n and k. " + (
                "Find the smallest integer m such that m ⋅ k ≥ n." if boxes else
                "Find the smallest non-negative integer x such that n + x is divisible by k."),
        ))  # fmt: skip
        line = f"{text.integers(rng, ['n', 'k'])} ({text.bounds(rng, 'n', 1, p['n_max'])}, " \
               f"{text.bounds(rng, 'k', 1, p['n_max'])})."
        inp, out = case_sections(p, rng, line, f"{text.single_integer(rng)} — the answer")
        return Statement(legend, inp, out)

    def _case(self, p: Params, rng: random.Random, kind: Kind) -> str:
        top = {"example": 25, "small": 200, "edge": p["n_max"], "large": p["n_max"]}[kind]
        if kind in ("example", "small") or rng.random() < 0.4:
            k = rng.randint(1, top)
        else:  # a small k too, and a large one, whose n + k - 1 does not fit in an int
            k = rng.choice((rng.randint(1, 1000), rng.randint(top // 2, top)))
        n = rng.randint(1, top)
        if rng.random() < 0.3:
            n = min(top, k * rng.randint(1, max(1, top // k)))  # divisible: the case (n + k) / k gets wrong
        if kind == "edge":
            n, k = rng.choice(((top, top), (top, 1), (1, top), (top, top - 1), (top - 1, top), (1, 1), (n, n)))
        return f"{n} {k}"

    def make_input(self, p: Params, rng: random.Random, kind: Kind) -> str:
        return cases_input(p, rng, kind, lambda: self._case(p, rng, kind))

    def answer(self, p: Params, given: str) -> str:
        rows = case_rows(p, given, 2)
        values = [(n + k - 1) // k if p["ask"] == "boxes" else (k - n % k) % k for n, k in rows]
        return "\n".join(map(str, values)) + "\n"

    def solutions(self, p: Params) -> list[Code]:
        boxes = p["ask"] == "boxes"
        return [
            per_case_py(p, "n, k = map(int, input().split())\nprint($e)", e="(n + k - 1) // k" if boxes else "-n % k"),
            per_case_py(p, """
                items, per_box = [int(x) for x in input().split()]
                full, rest = divmod(items, per_box)
                print($e)
                """, e="full + (1 if rest else 0)" if boxes else "per_box - rest if rest else 0"),
            cin_program(p, """
                long long n, k;
                cin >> n >> k;
                cout << $e << "\\n";
                """, fast=True, e="n / k + (n % k != 0)" if boxes else "(k - n % k) % k"),
            scanf_program(p, """
                unsigned long long n, k;
                scanf("%llu %llu", &n, &k);
                unsigned long long m = (n - 1) / k + 1;
                printf("%llu\\n", $e);
                """, e="m" if boxes else "m * k - n"),
        ]  # fmt: skip

    def wrong_solutions(self, p: Params) -> list[Code]:
        boxes = p["ask"] == "boxes"
        return [
            per_case_py(p, "n, k = map(int, input().split())\nprint($e)", "off by one" if boxes else "missed edge case",
                        e="(n + k) // k" if boxes else "k - n % k"),
            per_case_py(p, "n, k = map(int, input().split())\nprint($e)", "wrong formula", e="n // k" if boxes else "n % k"),
            cin_program(p, """
                int n, k;
                cin >> n >> k;
                int m = (n + k - 1) / k;
                cout << $e << endl;
                """, "overflow", e="m" if boxes else "m * k - n"),
            cin_program(p, """
                long long n, k;
                cin >> n >> k;
                cout << $e << endl;
                """, "missed edge case", e="n / k + 1" if boxes else "k - n % k"),
        ]  # fmt: skip


FAMILIES: list[Family] = [CountMultiples(), MaxPairProduct(), CeilDivision()]
