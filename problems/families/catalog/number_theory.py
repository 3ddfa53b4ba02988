"""Number theory families: gcd and lcm (tags: math, number theory), and the helpers of the number theory modules
(primes for test generators, factorization for oracles, the yes/no words). The one-test-or-many helpers come from
`arithmetic`; `number_theory_2` and `number_theory_3` have primality, powers, divisors and the sieve."""

from __future__ import annotations

import math
import random

from problems.families import text
from problems.families.base import Code, Family, Kind, Params, Statement, py
from problems.families.catalog.arithmetic import (case_rows, case_sections, cases_input, cin_program, per_case_py,
                                                  scanf_program)


def is_prime(n: int) -> bool:
    """Deterministic Miller-Rabin (exact far beyond 10^18): test generators need primes near 10^12 quickly."""
    if n < 2:
        return False
    bases = (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37)
    if n in bases:
        return True
    if any(n % b == 0 for b in bases):
        return False
    d, s = n - 1, 0
    while d % 2 == 0:
        d, s = d // 2, s + 1
    for b in bases:
        x = pow(b, d, n)
        if x in (1, n - 1):
            continue
        for _ in range(s - 1):
            x = x * x % n
            if x == n - 1:
                break
        else:
            return False
    return True


def prime_below(n: int) -> int:
    """The largest prime ≤ n (n ≥ 2)."""
    while not is_prime(n):
        n -= 1
    return n


def small_primes(limit: int = 10**6) -> list[int]:
    """The primes below `limit` (sieve), so the oracles factor any n ≤ 10^12 at once."""
    sieve = bytearray([1]) * limit
    sieve[:2] = b"\x00\x00"
    for i in range(2, math.isqrt(limit - 1) + 1):
        if sieve[i]:
            sieve[i * i :: i] = bytearray(len(range(i * i, limit, i)))
    return [i for i in range(limit) if sieve[i]]


def factorize(n: int) -> dict[int, int]:
    """Prime -> exponent, for n ≤ 10^12."""
    global _PRIMES
    if not _PRIMES:
        _PRIMES = small_primes()
    found: dict[int, int] = {}
    for q in _PRIMES:
        if q * q > n:
            break
        while n % q == 0:
            n //= q
            found[q] = found.get(q, 0) + 1
    if n > 1:
        found[n] = found.get(n, 0) + 1
    return found


_PRIMES: list[int] = []


def yes_no_params(rng: random.Random) -> Params:
    """The yes/no words as free parameters: the statement and the oracle use them, the programs print upper case
    (answers are compared ignoring case)."""
    yes, no, case = text.yes_no(rng)
    return {"yes": yes, "no": no, "case_note": case}


class GcdOfArray(Family):
    """The gcd of an array, or whether some d > 1 divides every element. Switches: one test or many; gcd or YES/NO."""

    name = "gcd_of_array"
    tags = ("math", "number theory")
    rating = 800

    def draw(self, rng: random.Random) -> Params:
        return {"multi": rng.random() < 0.5, "yesno": rng.random() < 0.4, "n_max": rng.choice((10**5, 2 * 10**5)),
                "a_max": rng.choice((10**9, 10**6)), "t_max": 10**4, **yes_no_params(rng)}  # fmt: skip

    def statement(self, p: Params, rng: random.Random) -> Statement:
        hero = text.name(rng)
        goal = ("Is there an integer d > 1 that divides every a_i?" if p["yesno"] else
                "Find the largest integer d that divides every a_i.")
        legend = text.pick(rng, (
            f"{hero} has n sticks, the i-th of length a_i. {hero} wants to cut every stick into pieces of the same "
            "integer length d without leftovers. " + ("Can this be done with some d > 1?" if p["yesno"] else
                                                      "What is the largest possible d?"),
            f"The school in {text.place(rng)} has n classes, the i-th with a_i pupils. The headmaster wants to split "
            "every class into teams of equal size d, the same d for all classes. " + (
                "Is it possible with d > 1?" if p["yesno"] else "What is the largest team size d possible?"),
            f"You are given an array a of n positive integers. {goal}",
        ))  # fmt: skip
        arr = (f"{text.first_line(rng) if not p['multi'] else 'The first line of each test case contains'} "
               f"{text.integer(rng, 'n')} ({text.bounds(rng, 'n', 1, p['n_max'])}).\n\n"
               f"{text.second_line(rng) if not p['multi'] else 'The second line contains'} "
               f"{text.sequence(rng, 'a', 'n')} ({text.bounds(rng, 'a_i', 1, p['a_max'])}).")  # fmt: skip
        if p["multi"]:
            arr = f"{text.multi_test_intro(rng, p['t_max'])}\n\n{arr} {text.sum_constraint(rng, 'n', p['n_max'])}"
        what = (f"\"{p['yes']}\" if such d exists and \"{p['no']}\" otherwise. {p['case_note']}" if p["yesno"] else
                f"{text.single_integer(rng)} — the greatest common divisor of the array")
        out = f"{'For each test case, ' + text.print_verb(rng).lower() if p['multi'] else text.print_verb(rng)} {what}"
        return Statement(legend, arr, out.strip().rstrip(".") + ".")

    def _case(self, p: Params, rng: random.Random, kind: Kind, n: int) -> str:
        top = p["a_max"] if kind != "example" else 60
        d = rng.choice((1, 2, 3, rng.randint(1, 30), rng.randint(1, top)))
        a = [d * rng.randint(1, top // d) for _ in range(n)]
        if n > 1 and d > 1 and rng.random() < 0.3:
            a[-1] = a[0] + 1 if a[0] < top else a[0] - 1  # only the last element brings the gcd down to 1
        if kind == "edge":
            a = rng.choice(([top] * n, [1] * n, [d] * n, [3 * rng.randint(1, top // 3) for _ in range(n)],
                            [top] * (n - 1) + [top - 1], [prime_below(top)] * n,
                            ([6, 10, 15] + [30] * n)[:n]))  # pairwise not coprime, yet the gcd is 1  # fmt: skip
        return f"{n}\n{' '.join(map(str, a))}"

    def make_input(self, p: Params, rng: random.Random, kind: Kind) -> str:
        if not p["multi"]:
            n = {"example": rng.randint(1, 5), "small": rng.randint(1, 30), "edge": rng.choice((1, 2, 3, 5)), "large": p["n_max"]}[kind]
            return self._case(p, rng, kind, n) + "\n"
        t = {"example": rng.randint(2, 3), "small": rng.randint(1, 10), "edge": rng.randint(2, 6), "large": 10}[kind]
        each = {"example": 5, "small": 30, "edge": 3, "large": p["n_max"] // t}[kind]
        sizes = [each if kind == "large" else rng.randint(1, each) for _ in range(t)]
        return f"{t}\n" + "".join(self._case(p, rng, kind, n) + "\n" for n in sizes)

    def answer(self, p: Params, given: str) -> str:
        nums = list(map(int, given.split()))
        pos, out = (1 if p["multi"] else 0), []
        while pos < len(nums):
            n = nums[pos]
            g = math.gcd(*nums[pos + 1 : pos + 1 + n])
            out.append((p["yes"] if g > 1 else p["no"]) if p["yesno"] else str(g))
            pos += n + 1
        return "\n".join(out) + "\n"

    def solutions(self, p: Params) -> list[Code]:
        yn = p["yesno"]
        return [
            per_case_py(p, """
                n = int(input())
                g = 0
                for x in map(int, input().split()):
                    g = gcd(g, x)
                print($e)
                """, head="from math import gcd\n", e='"YES" if g > 1 else "NO"' if yn else "g"),
            py("""
                import sys
                from functools import reduce
                from math import gcd

                data = sys.stdin.buffer.read().split()
                $head
                res = []
                for _ in range(t):
                    n = int(data[pos])
                    g = reduce(gcd, map(int, data[pos + 1:pos + 1 + n]))
                    pos += n + 1
                    res.append($e)
                print("\\n".join(res))
                """, head="t, pos = int(data[0]), 1" if p["multi"] else "t, pos = 1, 0",
                e='"YES" if g > 1 else "NO"' if yn else "str(g)"),
            cin_program(p, """
                int n;
                cin >> n;
                int g = 0;
                for (int i = 0; i < n; i++) {
                    int x;
                    cin >> x;
                    g = gcd(g, x);
                }
                cout << $e << "\\n";
                """, fast=True, e='(g > 1 ? "YES" : "NO")' if yn else "g"),
            scanf_program(p, """
                int n;
                scanf("%d", &n);
                long long g = 0, x;
                for (int i = 0; i < n; i++) { scanf("%lld", &x); g = gcd(x, g); }
                $print
                """, head="long long gcd(long long a, long long b) { return b == 0 ? a : gcd(b, a % b); }",
                print='puts(g > 1 ? "YES" : "NO");' if yn else 'printf("%lld\\n", g);'),
        ]  # fmt: skip

    def wrong_solutions(self, p: Params) -> list[Code]:
        yn = p["yesno"]
        e = '"YES" if g > 1 else "NO"' if yn else "g"
        codes = [
            per_case_py(p, """
                n = int(input())
                a = list(map(int, input().split()))
                g = a[0]
                for i in range(1, n - 1):
                    g = gcd(g, a[i])
                print($e)
                """, "off by one", head="from math import gcd\n", e=e),
            cin_program(p, """
                int n;
                cin >> n;
                vector<int> a(n);
                for (auto &x : a) cin >> x;
                int g = *min_element(a.begin(), a.end());
                cout << $e << endl;
                """, "wrong formula", e='(g > 1 ? "YES" : "NO")' if yn else "g"),
        ]
        if yn:
            codes.append(per_case_py(p, """
                n = int(input())
                a = list(map(int, input().split()))
                print("YES" if all(x % 2 == 0 for x in a) else "NO")
                """, "missed edge case"))
        else:
            codes.append(per_case_py(p, """
                n = int(input())
                a = list(map(int, input().split()))
                d = min(a)
                while any(x % d for x in a):
                    d -= 1
                print(d)
                """, "too slow"))
        return codes  # fmt: skip


class LcmOfPair(Family):
    """lcm(a, b) for a, b up to 10^9 (the product needs 64 bits; divide before multiplying). Switches: one test or
    many; print the lcm or both the gcd and the lcm."""

    name = "lcm_of_pair"
    tags = ("math", "number theory")
    rating = 800

    def draw(self, rng: random.Random) -> Params:
        return {"multi": rng.random() < 0.5, "both": rng.random() < 0.4, "a_max": rng.choice((10**9, 2 * 10**9)),
                "t_max": rng.choice((1000, 10**4))}  # fmt: skip

    def statement(self, p: Params, rng: random.Random) -> Statement:
        hero = text.name(rng)
        legend = text.pick(rng, (
            f"Two buses leave the central station of {text.place(rng)} at minute 0: the first one every a minutes "
            f"and the second one every b minutes. {hero} wants to know the first minute after 0 at which both buses "
            "leave the station together.",
            f"{hero} has two lamps. The first blinks every a seconds, the second every b seconds; both blinked at "
            "moment 0. After how many seconds will they next blink at the same moment?",
            "You are given two positive integers a and b. Find their least common multiple: the smallest positive "
            "integer divisible by both a and b.",
        ))  # fmt: skip
        line = f"{text.integers(rng, ['a', 'b'])} ({text.bounds(rng, 'a', 1, p['a_max'])}, " \
               f"{text.bounds(rng, 'b', 1, p['a_max'])})."
        what = ("two integers — the greatest common divisor of a and b, and then the answer" if p["both"] else
                f"{text.single_integer(rng)} — the answer")
        inp, out = case_sections(p, rng, line, what)
        return Statement(legend, inp, out)

    def _case(self, p: Params, rng: random.Random, kind: Kind) -> str:
        top = {"example": 40, "small": 1000, "edge": p["a_max"], "large": p["a_max"]}[kind]
        g = rng.choice((1, rng.randint(1, min(50, top)), rng.randint(1, top)))
        a, b = g * rng.randint(1, top // g), g * rng.randint(1, top // g)
        if kind == "edge":
            q = prime_below(top)
            a, b = rng.choice(((top, top), (1, 1), (1, top), (q, q - 1), (q, prime_below(q - 1)), (a, a), (top, top - 1)))
        return f"{a} {b}"

    def make_input(self, p: Params, rng: random.Random, kind: Kind) -> str:
        return cases_input(p, rng, kind, lambda: self._case(p, rng, kind))

    def answer(self, p: Params, given: str) -> str:
        rows = case_rows(p, given, 2)
        return "\n".join(f"{math.gcd(a, b)} {math.lcm(a, b)}" if p["both"] else str(math.lcm(a, b)) for a, b in rows) + "\n"

    def solutions(self, p: Params) -> list[Code]:
        both = p["both"]
        return [
            per_case_py(p, """
                a, b = map(int, input().split())
                g = gcd(a, b)
                print($e)
                """, head="from math import gcd\n", e="g, a // g * b" if both else "a // g * b"),
            py("""
                import sys

                def gcd(x, y):
                    while y:
                        x, y = y, x % y
                    return x

                vals = list(map(int, sys.stdin.read().split()))
                lines = []
                for i in range($start, len(vals), 2):
                    a, b = vals[i], vals[i + 1]
                    g = gcd(a, b)
                    lines.append($e)
                sys.stdout.write("\\n".join(lines) + "\\n")
                """, start=1 if p["multi"] else 0, e='f"{g} {a * b // g}"' if both else "str(a * b // g)"),
            cin_program(p, """
                long long a, b;
                cin >> a >> b;
                long long g = __gcd(a, b);
                cout << $e << "\\n";
                """, e='g << " " << a / g * b' if both else "a / g * b"),
            scanf_program(p, """
                ll a, b;
                scanf("%lld %lld", &a, &b);
                ll g = gcd(a, b), l = a * b / g;
                $print
                """, head="typedef long long ll;\nll gcd(ll a, ll b) { return b ? gcd(b, a % b) : a; }",
                print='printf("%lld %lld\\n", g, l);' if both else 'printf("%lld\\n", l);'),
        ]  # fmt: skip

    def wrong_solutions(self, p: Params) -> list[Code]:
        both = p["both"]
        codes = [
            cin_program(p, """
                int a, b;
                cin >> a >> b;
                int g = __gcd(a, b);
                cout << $e << endl;
                """, "overflow", e='g << " " << a * b / g' if both else "a * b / g"),
            per_case_py(p, """
                a, b = map(int, input().split())
                print($e)
                """, "wrong formula", head="from math import gcd\n", e="gcd(a, b), a * b" if both else "a * b"),
            per_case_py(p, """
                a, b = map(int, input().split())
                x = max(a, b)
                while x % a or x % b:
                    x += max(a, b)
                print($e)
                """, "too slow", e="a * b // x, x" if both else "x"),
        ]
        if both:
            codes.append(per_case_py(p, "a, b = map(int, input().split())\nprint(lcm(a, b), gcd(a, b))",
                                     "wrong output format", head="from math import gcd, lcm\n"))
        return codes  # fmt: skip


FAMILIES: list[Family] = [GcdOfArray(), LcmOfPair()]
