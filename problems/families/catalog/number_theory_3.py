"""Number theory families on all the divisors or primes up to a bound: counting divisors by trial division to
sqrt(n), counting primes with the sieve of Eratosthenes (tags: math, number theory). Helpers from `arithmetic` and
`number_theory`."""

from __future__ import annotations

import math
import random
from itertools import accumulate

from problems.families import text
from problems.families.base import Code, Family, Kind, Params, Statement, cpp, py
from problems.families.catalog.arithmetic import (case_rows, case_sections, cases_input, cin_loop, cin_program, per_case_py,
                                                  scanf_program, scanf_t)
from problems.families.catalog.number_theory import factorize, prime_below

# Highly composite numbers (the most divisors below a bound): the edge tests of divisor counting.
HIGHLY_COMPOSITE = (735134400, 6983776800, 963761198400)


class CountDivisors(Family):
    """The number (or the sum) of the divisors of n ≤ 10^12 by trial division up to sqrt(n). Switches: one test
    (n up to 10^12) or many (n up to 10^9); count or sum."""

    name = "count_divisors"
    tags = ("math", "number theory")
    rating = 1000

    def draw(self, rng: random.Random) -> Params:
        multi = rng.random() < 0.4
        return {"multi": multi, "sum": rng.random() < 0.4, "t_max": rng.choice((10, 20)),
                "n_max": 10**9 if multi else rng.choice((10**10, 10**12))}  # fmt: skip

    def statement(self, p: Params, rng: random.Random) -> Statement:
        hero = text.name(rng)
        legend = text.pick(rng, (
            f"{hero} has n candies and wants to share all of them equally among k friends, so that every friend gets "
            "the same positive number of candies and nothing is left. " + (
                "Find the sum of all k for which this is possible." if p["sum"] else
                "How many different values of k make this possible?"),
            f"A garden in {text.place(rng)} must be planted with exactly n trees arranged in a full rectangle of r "
            "rows with the same number of trees in every row. " + (
                "What is the sum of all possible values of r?" if p["sum"] else "How many values of r are possible?"),
            "You are given a positive integer n. " + ("Find the sum of all positive divisors of n." if p["sum"] else
                                                      "Count the positive integers d that divide n."),
        ))  # fmt: skip
        line = f"{text.integer(rng, 'n')} ({text.bounds(rng, 'n', 1, p['n_max'])})."
        inp, out = case_sections(p, rng, line, f"{text.single_integer(rng)} — the answer")
        return Statement(legend, inp, out)

    def _case(self, p: Params, rng: random.Random, kind: Kind) -> str:
        top = p["n_max"]
        root = math.isqrt(top)
        if kind == "edge":
            hc = max(h for h in HIGHLY_COMPOSITE if h <= top)
            return str(rng.choice((1, 2, 4, top, hc, hc, prime_below(root) ** 2, root * root, prime_below(top))))
        if kind == "large":
            return str(rng.choice((rng.randint(top // 2, top), prime_below(top - rng.randint(0, 10**5)))))
        n = rng.randint(1, 100 if kind == "example" else 10**6)
        return str(rng.choice((n, math.isqrt(n) ** 2, n)))

    def make_input(self, p: Params, rng: random.Random, kind: Kind) -> str:
        return cases_input(p, rng, kind, lambda: self._case(p, rng, kind))

    def answer(self, p: Params, given: str) -> str:
        out = []
        for (n,) in case_rows(p, given, 1):
            f = factorize(n).items()
            out.append(math.prod((q ** (e + 1) - 1) // (q - 1) for q, e in f) if p["sum"] else math.prod(e + 1 for _, e in f))
        return "\n".join(map(str, out)) + "\n"

    # The divisors in pairs (i, n / i) up to sqrt(n): a reference program, and one that counts the root twice.
    _PAIRS = """
        n = int(input())
        ans = 0
        for i in range(1, isqrt(n) + 1):
            if n % i == 0:
                ans += $add
        print(ans)
        """
    # ... and in C++, where the wrong loop stops before the root.
    _PAIRS_CPP = """
        long long n, ans = 0;
        cin >> n;
        for (long long i = 1; i * i $cmp n; ++i)
            if (n % i == 0) ans += $add;
        cout << ans << "\\n";
        """

    def solutions(self, p: Params) -> list[Code]:
        sm = p["sum"]
        return [
            per_case_py(p, self._PAIRS, head="from math import isqrt\n",
                        add="i if i * i == n else i + n // i" if sm else "1 if i * i == n else 2"),
            py("""
                import sys

                def solve(n):
                    res, d = 1, 2
                    while d * d <= n:
                        if n % d == 0:
                            $factor
                        d += 1 if d == 2 else 2
                    return $last

                nums = [int(x) for x in sys.stdin.read().split()]
                print("\\n".join(str(solve(n)) for n in nums[$skip:]))
                """, skip=1 if p["multi"] else 0, last="res * (n + 1) if n > 1 else res" if sm else "res * 2 if n > 1 else res",
                factor=("term = power = 1\n            while n % d == 0:\n                n //= d\n"
                        "                power *= d\n                term += power\n            res *= term") if sm else
                       ("e = 0\n            while n % d == 0:\n                n //= d\n                e += 1\n"
                        "            res *= e + 1")),
            cin_program(p, self._PAIRS_CPP, cmp="<=", add="(i * i == n ? i : i + n / i)" if sm else "(i * i == n ? 1 : 2)"),
            scanf_program(p, """
                long long n, res = 1;
                scanf("%lld", &n);
                for (long long d = 2; d * d <= n; d++) {
                    if (n % d) continue;
                    $factor
                }
                if (n > 1) res *= $last;
                printf("%lld\\n", res);
                """, last="n + 1" if sm else "2",
                factor="long long term = 1, pw = 1;\n            while (n % d == 0) { n /= d; pw *= d; term += pw; }\n"
                       "            res *= term;" if sm else
                       "int e = 0;\n            while (n % d == 0) { n /= d; e++; }\n            res *= e + 1;"),
        ]  # fmt: skip

    def wrong_solutions(self, p: Params) -> list[Code]:
        sm = p["sum"]
        codes = [
            per_case_py(p, self._PAIRS, "missed edge case", head="from math import isqrt\n", add="i + n // i" if sm else "2"),
            per_case_py(p, "n = int(input())\nprint(sum($e for d in range(1, n + 1) if n % d == 0))", "too slow",
                        e="d" if sm else "1"),
            cin_program(p, self._PAIRS_CPP, "off by one", cmp="<", add="i + n / i" if sm else "2"),
        ]
        if not p["multi"] or sm:
            # n above 2^31 in an int (one test); with n ≤ 10^9, only the sum of divisors overflows an int
            codes.append(cin_program(p, """
                int n, ans = 0;
                cin >> n;
                for (int i = 1; i * i <= n; i++)
                    if (n % i == 0) ans += (i * i == n ? $one : $two);
                cout << ans << endl;
                """, "overflow",
                one="i" if sm else "1", two="i + n / i" if sm else "2"))
        return codes  # fmt: skip


class CountPrimesUpto(Family):
    """How many primes are at most n (or below n), n up to 2 * 10^6: the sieve of Eratosthenes and prefix counts.
    Switches: one n or many queries; "not exceeding n" or "less than n"."""

    name = "count_primes_upto"
    tags = ("math", "number theory")
    rating = 1100

    def draw(self, rng: random.Random) -> Params:
        return {"multi": rng.random() < 0.5, "strict": rng.random() < 0.4, "n_max": rng.choice((10**6, 2 * 10**6)),
                "t_max": rng.choice((10**5, 2 * 10**5))}  # fmt: skip

    def statement(self, p: Params, rng: random.Random) -> Statement:
        hero = text.name(rng)
        rel, upto = ("less than", "n - 1") if p["strict"] else ("not exceeding", "n")
        legend = text.pick(rng, (
            f"{hero} is fond of prime numbers. For a given n, {hero} wants to know how many primes are {rel} n.",
            f"The houses of a street in {text.place(rng)} are numbered from 1 to {upto}. The mayor puts a flag on "
            "every house whose number is prime. How many flags are needed?",
            f"Count the prime numbers p such that p {'<' if p['strict'] else '≤'} n.",
        ))  # fmt: skip
        if p["multi"]:
            inp = (f"{text.first_line(rng)} {text.integer(rng, 'q')} ({text.bounds(rng, 'q', 1, p['t_max'])}) — the "
                   f"number of queries.\n\nEach of the next q lines contains {text.integer(rng, 'n')} "
                   f"({text.bounds(rng, 'n', 1, p['n_max'])}): a query.")  # fmt: skip
            out = f"For each query, {text.print_verb(rng).lower()} the number of primes {rel} n."
        else:
            inp, out = case_sections(p, rng, f"{text.integer(rng, 'n')} ({text.bounds(rng, 'n', 1, p['n_max'])}).",
                                     f"{text.single_integer(rng)} — the number of primes {rel} n")
        return Statement(legend, inp, out)

    def _case(self, p: Params, rng: random.Random, kind: Kind) -> str:
        top = p["n_max"]
        n = {"example": rng.randint(1, 40), "small": rng.randint(1, 10**4), "large": rng.randint(top * 9 // 10, top),
             "edge": rng.choice((1, 2, 3, 4, top, top, prime_below(top), rng.choice((2, 3, 5, 7, 97, 9973))))}[kind]
        return str(n)  # fmt: skip

    def make_input(self, p: Params, rng: random.Random, kind: Kind) -> str:
        return cases_input(p, rng, kind, lambda: self._case(p, rng, kind))

    def answer(self, p: Params, given: str) -> str:
        table = _prime_counts(p["n_max"])
        return "\n".join(str(table[n - 1 if p["strict"] else n]) for (n,) in case_rows(p, given, 1)) + "\n"

    def solutions(self, p: Params) -> list[Code]:
        shift = " - 1" if p["strict"] else ""
        return [
            py("""
                import sys
                from itertools import accumulate
                from math import isqrt

                nums = list(map(int, sys.stdin.buffer.read().split()))$skip
                top = max(nums)
                sieve = bytearray([1]) * (top + 1)
                sieve[0] = sieve[1] = 0
                for i in range(2, isqrt(top) + 1):
                    if sieve[i]:
                        sieve[i * i::i] = bytes(len(range(i * i, top + 1, i)))
                count = list(accumulate(sieve))
                print("\\n".join(str(count[n$shift]) for n in nums))
                """, skip="[1:]" if p["multi"] else "", shift=shift),
            py("""
                from itertools import accumulate
                from math import isqrt


                def prime_counts(n):
                    is_p = [0, 0] + [1] * (n - 1)
                    for i in range(2, isqrt(n) + 1):
                        if is_p[i]:
                            is_p[i * i::i] = [0] * ((n - i * i) // i + 1)
                    return list(accumulate(is_p))


                $read
                table = prime_counts(max(qs))
                print("\\n".join(str(table[n$shift]) for n in qs))
                """, shift=shift, read="qs = [int(input()) for _ in range(int(input()))]" if p["multi"] else
                "qs = [int(input())]"),
            cpp("""
                #include <bits/stdc++.h>
                using namespace std;
                const int N = $top;
                int main() {
                    ios::sync_with_stdio(false);
                    cin.tie(nullptr);
                    vector<bool> composite(N + 1, false);
                    vector<int> cnt(N + 1, 0);
                    for (int i = 2; i <= N; i++) {
                        cnt[i] = cnt[i - 1];
                        if (composite[i]) continue;
                        cnt[i]++;
                        for (long long j = 1LL * i * i; j <= N; j += i) composite[j] = true;
                    }
                    $loop
                        int n;
                        cin >> n;
                        cout << cnt[n$shift] << "\\n";
                    }
                    return 0;
                }
                """, top=p["n_max"], loop=cin_loop(p), shift=shift),
            cpp("""
                #include <cstdio>
                const int N = $top;
                static int pi[N + 1];
                static bool comp[N + 1];
                int main() {
                    for (int i = 2; i <= N; i++) {
                        if (!comp[i])
                            for (int j = 2 * i; j <= N; j += i) comp[j] = true;
                        pi[i] = pi[i - 1] + !comp[i];
                    }
                    int t = 1;
                    $read_t
                    while (t--) {
                        int n;
                        scanf("%d", &n);
                        printf("%d\\n", pi[n$shift]);
                    }
                }
                """, top=p["n_max"], read_t=scanf_t(p), shift=shift),
        ]  # fmt: skip

    def wrong_solutions(self, p: Params) -> list[Code]:
        shift = " - 1" if p["strict"] else ""
        sieve_py = """
            import sys
            from itertools import accumulate
            from math import isqrt

            nums = list(map(int, sys.stdin.buffer.read().split()))$skip
            top = max(nums)
            sieve = bytearray([1]) * (top + 1)
            $clear
            for i in range(2, isqrt(top) + 1):
                if sieve[i]:
                    sieve[i * i::i] = bytes(len(range(i * i, top + 1, i)))
            count = list(accumulate(sieve))
            print("\\n".join(str(count[n$shift]) for n in nums))
            """
        skip = "[1:]" if p["multi"] else ""
        return [
            py(sieve_py, "off by one", skip=skip, clear="sieve[0] = sieve[1] = 0", shift="" if p["strict"] else " - 1"),
            py(sieve_py, "missed edge case", skip=skip, clear="sieve[0] = 0", shift=shift),
            per_case_py(p, """
                n = int(input())
                print(sum(1 for x in range(2, n$plus) if all(x % d for d in range(2, isqrt(x) + 1))))
                """, "too slow", head="from math import isqrt\n", plus="" if p["strict"] else " + 1"),
            cpp("""
                #include <bits/stdc++.h>
                using namespace std;
                const int N = $top;
                bool composite[N + 1];
                int cnt[N + 1];
                int main() {
                    for (int i = 2; i <= N; i++) {
                        cnt[i] = cnt[i - 1];
                        if (composite[i]) continue;
                        cnt[i]++;
                        for (int j = i * i; j <= N; j += i) composite[j] = true;
                    }
                    $loop
                        int n;
                        cin >> n;
                        cout << cnt[n$shift] << endl;
                    }
                }
                """, "overflow", top=p["n_max"], loop=cin_loop(p), shift=shift),
        ]  # fmt: skip


_COUNTS: dict[int, list[int]] = {}


def _prime_counts(n: int) -> list[int]:
    """How many primes are ≤ i, for every i ≤ n (the oracle's table, built once per bound)."""
    if n not in _COUNTS:
        sieve = bytearray([1]) * (n + 1)
        sieve[:2] = b"\x00\x00"
        for i in range(2, math.isqrt(n) + 1):
            if sieve[i]:
                sieve[i * i :: i] = bytes(len(range(i * i, n + 1, i)))
        _COUNTS[n] = list(accumulate(sieve))
    return _COUNTS[n]


FAMILIES: list[Family] = [CountDivisors(), CountPrimesUpto()]
