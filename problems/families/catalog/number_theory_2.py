"""More number theory families: primality by trial division, fast modular powers, the last digit of a power
(tags: math, number theory). Helpers from `arithmetic` and `number_theory`."""

from __future__ import annotations

import math
import random

from problems.families import text
from problems.families.base import Code, Family, Kind, Params, Statement, cpp, py
from problems.families.catalog.arithmetic import (case_rows, case_sections, cases_input, cin_program, per_case_py,
                                                  scanf_program)
from problems.families.catalog.number_theory import factorize, prime_below, yes_no_params

# The 6k ± 1 trial division of one C++ reference program (at column 0: substituted into a dedented template).
IS_PRIME_CPP = """bool is_prime(ll n) {
    if (n < 2) return false;
    if (n < 4) return true;
    if (n % 2 == 0 || n % 3 == 0) return false;
    for (ll i = 5; i * i <= n; i += 6)
        if (n % i == 0 || n % (i + 2) == 0) return false;
    return true;
}"""
SMALLEST_CPP = """ll smallest(ll n) {
    if (n % 2 == 0) return 2;
    if (n % 3 == 0) return 3;
    for (ll i = 5; i * i <= n; i += 6) {
        if (n % i == 0) return i;
        if (n % (i + 2) == 0) return i + 2;
    }
    return n;
}"""


class Primality(Family):
    """Is n prime (n up to 10^12, trial division to sqrt(n)), or its smallest divisor greater than 1.
    Switches: one test (n ≤ 10^12) or many (n ≤ 10^9); YES/NO or the smallest divisor."""

    name = "primality"
    tags = ("math", "number theory")
    rating = 800

    def draw(self, rng: random.Random) -> Params:
        multi = rng.random() < 0.4
        return {"multi": multi, "yesno": rng.random() < 0.6, "t_max": rng.choice((10, 20)),
                "n_max": 10**9 if multi else rng.choice((10**10, 10**12)), **yes_no_params(rng)}  # fmt: skip

    def statement(self, p: Params, rng: random.Random) -> Statement:
        hero = text.name(rng)
        if p["yesno"]:
            legend = text.pick(rng, (
                f"{hero} calls a number lonely if it has exactly two positive divisors: 1 and itself. Is n lonely?",
                f"The guards of {text.place(rng)} accept a password n only if n is a prime number. Will the password "
                "be accepted?",
                "You are given a positive integer n. Determine whether n is prime. (Recall that 1 is not prime.)",
            ))  # fmt: skip
            what = f"\"{p['yes']}\" if n is prime and \"{p['no']}\" otherwise. {p['case_note']}".strip()
        else:
            legend = text.pick(rng, (
                f"{hero} has n candies and wants to split them into k > 1 piles of equal size. What is the smallest "
                "possible k?",
                f"In {text.place(rng)}, n soldiers must stand in k ≥ 2 equal rows. Find the smallest number of rows.",
                "You are given an integer n ≥ 2. Find its smallest divisor greater than 1.",
            ))  # fmt: skip
            what = f"{text.single_integer(rng)} — the answer"
        lo = 1 if p["yesno"] else 2
        inp, out = case_sections(p, rng, f"{text.integer(rng, 'n')} ({text.bounds(rng, 'n', lo, p['n_max'])}).", what)
        return Statement(legend, inp, out.replace("..", "."))

    def _case(self, p: Params, rng: random.Random, kind: Kind) -> str:
        top, lo = p["n_max"], 1 if p["yesno"] else 2
        if kind == "edge":
            q = prime_below(math.isqrt(top))
            return str(rng.choice((lo, 2, 4, 9, q * q, q * prime_below(q - 1), prime_below(top), top, lo)))
        if kind == "large":
            return str(rng.choice((prime_below(top - rng.randint(0, 10**5)), rng.randint(top // 2, top))))
        n = rng.randint(lo, 50 if kind == "example" else 10**5)
        return str(rng.choice((n, prime_below(max(n, 2)), math.isqrt(n) ** 2 if n >= 4 else n)))

    def make_input(self, p: Params, rng: random.Random, kind: Kind) -> str:
        return cases_input(p, rng, kind, lambda: self._case(p, rng, kind))

    def answer(self, p: Params, given: str) -> str:
        out = []
        for (n,) in case_rows(p, given, 1):
            d = min(factorize(n)) if n > 1 else 1
            out.append((p["yes"] if n > 1 and d == n else p["no"]) if p["yesno"] else str(d))
        return "\n".join(out) + "\n"

    # Trial division in Python: the first reference program, and with other bounds or answers three wrong ones.
    _TRIAL = """
        n = int(input())
        ans = n
        for d in range(2, $hi):
            if n % d == 0:
                ans = d
                break
        print($e)
        """
    # ... and in C++: the reference loop runs while i * i <= n, the wrong one stops at i * i < n.
    _TRIAL_CPP = """
        long long n, ans;
        cin >> n;
        ans = n;
        for (long long i = 2; i * i $cmp n; i++)
            if (n % i == 0) { ans = i; break; }
        cout << $e << endl;
        """

    def _trial(self, p: Params, hi: str, mistake: str = "", one_prime: bool = False) -> Code:
        e = ('"YES" if ans == n else "NO"' if one_prime else '"YES" if n > 1 and ans == n else "NO"') if p["yesno"] else "ans"
        return per_case_py(p, self._TRIAL, mistake, head="from math import isqrt\n" if "isqrt" in hi else "", hi=hi, e=e)

    def solutions(self, p: Params) -> list[Code]:
        yn = p["yesno"]
        return [
            self._trial(p, "isqrt(n) + 1"),
            py("""
                import sys

                def smallest(n):
                    for d in (2, 3):
                        if n % d == 0:
                            return d
                    i = 5
                    while i * i <= n:
                        if n % i == 0:
                            return i
                        if n % (i + 2) == 0:
                            return i + 2
                        i += 6
                    return n

                out = []
                for n in map(int, sys.stdin.read().split()[$skip:]):
                    out.append($e)
                print("\\n".join(out))
                """, skip=1 if p["multi"] else 0,
                e='"YES" if n > 1 and smallest(n) == n else "NO"' if yn else "str(smallest(n))"),
            cin_program(p, self._TRIAL_CPP, fast=True, cmp="<=", e='(n > 1 && ans == n ? "YES" : "NO")' if yn else "ans"),
            scanf_program(p, """
                ll n;
                scanf("%lld", &n);
                $print
                """, head="typedef long long ll;\n$func", func=IS_PRIME_CPP if yn else SMALLEST_CPP,
                print='puts(is_prime(n) ? "YES" : "NO");' if yn else 'printf("%lld\\n", smallest(n));'),
        ]  # fmt: skip

    def wrong_solutions(self, p: Params) -> list[Code]:
        yn = p["yesno"]
        codes = [
            self._trial(p, "isqrt(n)", "off by one"),
            self._trial(p, "n", "too slow"),
            cin_program(p, self._TRIAL_CPP, "off by one", cmp="<", e='(n > 1 && ans == n ? "YES" : "NO")' if yn else "ans"),
        ]
        if yn:
            codes.append(self._trial(p, "isqrt(n) + 1", "missed edge case", one_prime=True))
        if not p["multi"]:  # n up to 10^10 or 10^12 does not fit in an int
            codes.append(cpp("""
                #include <bits/stdc++.h>
                using namespace std;
                int main() {
                    int n;
                    cin >> n;
                    int ans = n;
                    for (int i = 2; i * i <= n; i++)
                        if (n % i == 0) { ans = i; break; }
                    cout << $e << endl;
                }
                """, "overflow", e='(n > 1 && ans == n ? "YES" : "NO")' if yn else "ans"))
        return codes  # fmt: skip

# The recursive power of one C++ reference program (the others loop over the bits of b).
POWER_CPP = """typedef unsigned long long ull;
ull power(ull a, ull b, ull m) {
    if (b == 0) return 1 % m;
    ull h = power(a, b / 2, m);
    h = h * h % m;
    return b % 2 ? h * (a % m) % m : h;
}"""


class ModularPower(Family):
    """a^b modulo M with b up to 10^18: binary exponentiation, reducing a first. Switches: one test or many; the
    modulus (10^9 + 7, 998244353, or m given in the input, where m = 1 makes the answer 0 even for b = 0)."""

    name = "modular_power"
    tags = ("math", "number theory")
    rating = 1100

    def draw(self, rng: random.Random) -> Params:
        return {"multi": rng.random() < 0.5, "mod": rng.choice((10**9 + 7, 998244353, 0)),
                "a_max": rng.choice((10**9, 10**18)), "t_max": rng.choice((1000, 10**4))}  # fmt: skip

    def statement(self, p: Params, rng: random.Random) -> Statement:
        hero = text.name(rng)
        m = text.pick(rng, ("10^9 + 7", "1000000007")) if p["mod"] == 10**9 + 7 else "998244353" if p["mod"] else "m"
        legend = text.pick(rng, (
            f"A colony of bacteria in the laboratory of {text.place(rng)} starts with one bacterium, and every hour "
            f"each bacterium splits into a bacteria. How many bacteria are there after b hours? The number is huge, "
            f"so {hero} only needs it modulo {m}.",
            f"{hero} wrote a^b on the blackboard and asks for the remainder of this number when divided by {m}.",
            f"Given integers a and b, compute a^b mod {m}.",
        ))  # fmt: skip
        names = ["a", "b"] if p["mod"] else ["a", "b", "m"]
        line = (f"{text.integers(rng, names)} ({text.bounds(rng, 'a', 1, p['a_max'])}, "
                f"{text.bounds(rng, 'b', 0, 10**18)}" + ("" if p["mod"] else f", {text.bounds(rng, 'm', 1, 10**9)}") + ").")
        inp, out = case_sections(p, rng, line, f"{text.single_integer(rng)} — a^b modulo {m}")
        return Statement(legend, inp, out)

    def _case(self, p: Params, rng: random.Random, kind: Kind) -> str:
        top = {"example": 20, "small": 10**4, "edge": p["a_max"], "large": p["a_max"]}[kind]
        a, b, m = rng.randint(1, top), rng.randint(0, 30 if kind == "example" else 10**18), rng.randint(1, 10**9)
        if kind == "edge":
            M = p["mod"] or m
            a = rng.choice((1, top, top - rng.randint(0, 5), M * rng.randint(1, top // M) if top >= M else top))
            b = rng.choice((0, 1, 10**18, (M - 1) * rng.randint(1, 10**18 // M)))
            m = rng.choice((1, 1, 2, m, prime_below(10**9)))
            if rng.random() < 0.4:  # the cases two wrong programs miss: 0^0 = 1 modulo 1 is 0, and a ≡ 0 mod M
                a, b, m = (1, 0, 1) if not p["mod"] else (M * rng.randint(1, top // M) if top >= M else a, M - 1, m)
        elif kind == "example":
            m = rng.randint(1, 50)
        return f"{a} {b}" if p["mod"] else f"{a} {b} {m}"

    def make_input(self, p: Params, rng: random.Random, kind: Kind) -> str:
        return cases_input(p, rng, kind, lambda: self._case(p, rng, kind))

    def answer(self, p: Params, given: str) -> str:
        rows = case_rows(p, given, 2 if p["mod"] else 3)
        return "\n".join(str(pow(r[0], r[1], p["mod"] or r[2])) for r in rows) + "\n"

    def solutions(self, p: Params) -> list[Code]:
        M = p["mod"]
        width = 2 if M else 3
        return [
            per_case_py(p, "$read = map(int, input().split())\nprint(pow(a, b, $m))", read="a, b" if M else "a, b, m",
                        m=M or "m"),
            py("""
                import sys

                def power(a, b, m):
                    res = 1 % m
                    a %= m
                    while b:
                        if b & 1:
                            res = res * a % m
                        a = a * a % m
                        b >>= 1
                    return res

                vals = list(map(int, sys.stdin.read().split()))
                $start
                ans = [power(vals[i], vals[i + 1], $m) for i in range(start, len(vals), $width)]
                print("\\n".join(map(str, ans)))
                """, start=f"start = {1 if p['multi'] else 0}", m=M or "vals[i + 2]", width=width),
            cin_program(p, """
                long long a, b$decl;
                cin >> a >> b$read;
                long long res = 1 % m;
                a %= m;
                for (; b > 0; b >>= 1) {
                    if (b & 1) res = res * a % m;
                    a = a * a % m;
                }
                cout << res << "\\n";
                """, fast=True, head=f"const long long m = {M};" if M else "", decl="" if M else ", m",
                read="" if M else " >> m"),
            scanf_program(p, """
                ull a, b, m = $m;
                scanf("%llu %llu", &a, &b);
                $read_m
                printf("%llu\\n", power(a, b, m));
                """, head=POWER_CPP, m=M or 1, read_m="" if M else 'scanf("%llu", &m);'),
        ]  # fmt: skip

    def wrong_solutions(self, p: Params) -> list[Code]:
        M = p["mod"]
        read, m = ("a, b", str(M)) if M else ("a, b, m", "m")
        head, decl, more = (f"const long long m = {M};", "", "") if M else ("", ", m", " >> m")
        codes = [
            per_case_py(p, """
                $read = map(int, input().split())
                res = 1
                for _ in range(b):
                    res = res * a % $m
                print(res % $m)
                """, "too slow", read=read, m=m),
            per_case_py(p, "$read = map(int, input().split())\nprint(pow(a, b % $m, $m))", "wrong formula", read=read, m=m),
            cin_program(p, """
                long long a, b$decl;
                cin >> a >> b$more;
                int base = a % m, res = 1 % m;
                for (; b > 0; b >>= 1) {
                    if (b & 1) res = res * base % m;
                    base = base * base % m;
                }
                cout << res << endl;
                """, "overflow", head=head, decl=decl, more=more),
        ]
        if M and p["a_max"] >= M:  # Fermat: fine unless a is a multiple of M and b a positive multiple of M - 1
            codes.append(per_case_py(p, "a, b = map(int, input().split())\nprint(pow(a, b % $m1, $m))", "missed edge case",
                                     m=M, m1=M - 1))
        elif not M:
            codes.append(cin_program(p, """
                long long a, b, m;
                cin >> a >> b >> m;
                long long res = 1;
                a %= m;
                for (; b > 0; b >>= 1) {
                    if (b & 1) res = res * a % m;
                    a = a * a % m;
                }
                cout << res << endl;
                """, "missed edge case"))
        return codes  # fmt: skip


class LastDigitPower(Family):
    """The last digit of a^b for b up to 10^18 (and a with up to 1000 digits): the last digits of powers repeat
    with period 4, and b = 0 gives 1. Switches: one test or many; a fits in 64 bits or is read as a string."""

    name = "last_digit_power"
    tags = ("math", "number theory")
    rating = 1000

    def draw(self, rng: random.Random) -> Params:
        big = rng.random() < 0.5
        return {"multi": rng.random() < 0.5, "big": big, "t_max": 100 if big else rng.choice((1000, 10**4)),
                "digits": rng.choice((100, 1000))}  # fmt: skip

    def statement(self, p: Params, rng: random.Random) -> Statement:
        hero = text.name(rng)
        legend = text.pick(rng, (
            f"{hero} loves huge numbers. Today {hero} computed a^b and wrote it down, but only the last digit is "
            "visible now. Which digit is it?",
            f"The lock on the treasury of {text.place(rng)} opens with one digit: the last decimal digit of a^b. Find "
            "it.",
            "You are given integers a and b. Find the last digit of a^b (a raised to the power b; a^0 = 1).",
        ))  # fmt: skip
        a_bound = (f"1 ≤ a < 10^{{{p['digits']}}}, a has no leading zeros" if p["big"] else
                   text.bounds(rng, "a", 1, 10**18))
        line = f"{text.integers(rng, ['a', 'b'])} ({a_bound}; {text.bounds(rng, 'b', 0, 10**18)})."
        inp, out = case_sections(p, rng, line, f"{text.single_integer(rng)} — the last digit of a^b")
        return Statement(legend, inp, out)

    def _case(self, p: Params, rng: random.Random, kind: Kind) -> str:
        if p["big"] and kind in ("edge", "large"):
            length = p["digits"] if kind == "large" else rng.choice((2, p["digits"]))
            a = str(rng.randint(1, 9)) + "".join(rng.choice("0123456789") for _ in range(length - 1))
        else:
            a = str(rng.randint(1, {"example": 30, "small": 10**6}.get(kind, 10**18)))
        b = rng.randint(0, 20 if kind == "example" else 10**18)
        if kind in ("edge", "small") and rng.random() < 0.6:
            b = rng.choice((0, 1, 4, 4 * rng.randint(1, 10**17), 10**18, rng.randint(0, 12)))
        if rng.random() < {"edge": 0.7, "small": 0.3}.get(kind, 0):
            a, b = a[:-1] + rng.choice("248"), 0  # a^0 = 1, though the cycle of 2, 4, 8 has no 1 in it
        return f"{a} {b}"

    def make_input(self, p: Params, rng: random.Random, kind: Kind) -> str:
        return cases_input(p, rng, kind, lambda: self._case(p, rng, kind))

    def answer(self, p: Params, given: str) -> str:
        words = given.split()[1:] if p["multi"] else given.split()
        return "\n".join(str(pow(int(a[-1]), int(b), 10)) for a, b in zip(words[::2], words[1::2])) + "\n"

    def solutions(self, p: Params) -> list[Code]:
        return [
            per_case_py(p, "a, b = map(int, input().split())\nprint(pow(a, b, 10))"),
            py("""
                import sys

                words = sys.stdin.read().split()$skip
                out = []
                for i in range(0, len(words), 2):
                    d, b = int(words[i][-1]), int(words[i + 1])
                    out.append(1 if b == 0 else d ** (b % 4 + 4) % 10)
                print("\\n".join(map(str, out)))
                """, skip="[1:]" if p["multi"] else ""),
            cin_program(p, """
                $type a;
                long long b;
                cin >> a >> b;
                int d = $digit, res = 1;
                for (; b > 0; b >>= 1, d = d * d % 10)
                    if (b & 1) res = res * d % 10;
                cout << res << "\\n";
                """, fast=True, type="string" if p["big"] else "long long", digit="a.back() - '0'" if p["big"] else "a % 10"),
            scanf_program(p, """
                long long b;
                scanf("%s %lld", a, &b);
                int d = a[strlen(a) - 1] - '0', r = b == 0 ? 0 : (int)((b - 1) % 4) + 1, ans = 1;
                for (int i = 0; i < r; i++) ans = ans * d % 10;
                printf("%d\\n", ans);
                """, head="#include <cstring>\nchar a[1005];"),
        ]  # fmt: skip

    def wrong_solutions(self, p: Params) -> list[Code]:
        return [
            per_case_py(p, """
                a, b = map(int, input().split())
                res = 1
                for _ in range(b):
                    res = res * a % 10
                print(res)
                """, "too slow"),
            per_case_py(p, "a, b = input().split()\nprint(pow(int(a[-1]), (int(b) - 1) % 4 + 1, 10))", "missed edge case"),
            cin_program(p, """
                string a;
                long long b;
                cin >> a >> b;
                int d = a.back() - '0', res = 1;
                for (int i = 0; i < b % 4; i++) res = res * d % 10;
                cout << res << endl;
                """, "wrong formula"),
            cin_program(p, """
                long long a, b;
                cin >> a >> b;
                long long res = 1;
                for (; b > 0; b >>= 1, a = a * a % 10)
                    if (b & 1) res = res * a % 10;
                cout << res << endl;
                """, "overflow"),
        ]  # fmt: skip


FAMILIES: list[Family] = [Primality(), ModularPower(), LastDigitPower()]
