"""More arithmetic families: closed forms for long sums and digit sums of huge numbers (tags: math,
implementation). The one-test-or-many helpers come from `arithmetic`."""

from __future__ import annotations

import random
from string import Template

from problems.families import text
from problems.families.base import Code, Family, Kind, Params, Statement, py
from problems.families.catalog.arithmetic import (case_rows, case_sections, cases_input, cin_program, per_case_py,
                                                  scanf_program)


def stdin_py(p: Params, per_value: str, mistake: str = "", **values: object) -> Code:
    """A Python program in the read-everything style for tasks with one value a test: `per_value` turns `n`
    into `ans` (the leading t, when there is one, is skipped)."""
    return py("""
        import sys

        tokens = sys.stdin.read().split()
        out = []
        for n in $tokens:
            $per_value
            out.append(str(ans))
        print("\\n".join(out))
        """, mistake, tokens="tokens[1:]" if p["multi"] else "tokens",
        per_value=Template(per_value).substitute(values).replace("\n", "\n    "))  # fmt: skip


def modulus_words(rng: random.Random, mod: int) -> str:
    return {10**9 + 7: text.pick(rng, ("10^9 + 7", "10^9+7", "1000000007")),
            998244353: text.pick(rng, ("998244353", "998 244 353"))}[mod]  # fmt: skip


class SumFirstN(Family):
    """1 + 2 + ... + n for n far beyond a loop: n(n + 1) / 2, exact or modulo a prime. Switches: one test or many;
    the modulus (none, 10^9 + 7, 998244353)."""

    name = "sum_first_n"
    tags = ("math",)
    rating = 800

    def draw(self, rng: random.Random) -> Params:
        mod = rng.choice((0, 10**9 + 7, 998244353))
        n_max = rng.choice((10**9, 2 * 10**9)) if mod == 0 else rng.choice((10**12, 10**18))
        return {"multi": rng.random() < 0.5, "mod": mod, "n_max": n_max, "t_max": rng.choice((1000, 10**4))}

    def statement(self, p: Params, rng: random.Random) -> Statement:
        hero = text.name(rng)
        legend = text.pick(rng, (
            f"{hero} builds a staircase of cubes: the first step is one cube high, the second two cubes, and so on; "
            "the n-th step is n cubes high. How many cubes does a staircase of n steps take?",
            f"In {text.place(rng)} there are n guests at a party, and every two of them shake hands once, plus each "
            f"guest waves to {hero} once. In fact, the number of greetings equals 1 + 2 + … + n. Compute it.",
            f"On the i-th day of the year {hero} puts i coins into a piggy bank. How many coins are there after n "
            "days?",
            "You are given an integer n. Compute the sum of all integers from 1 to n inclusive.",
        ))  # fmt: skip
        line = f"{text.integer(rng, 'n')} ({text.bounds(rng, 'n', 1, p['n_max'])})."
        what = f"{text.single_integer(rng)} — the sum"
        if p["mod"]:
            what += f" modulo {modulus_words(rng, p['mod'])}"
        inp, out = case_sections(p, rng, line, what)
        note = "" if p["mod"] or rng.random() < 0.5 else "Note that the answer may not fit into a 32-bit integer type."
        return Statement(legend, inp, out, note)

    def _case(self, p: Params, rng: random.Random, kind: Kind) -> str:
        top = p["n_max"]
        n = {"example": rng.randint(1, 20), "small": rng.randint(1, 10**5), "large": rng.randint(top // 2, top),
             "edge": rng.choice((1, 2, top, top - 1, top - rng.randint(0, 100)))}[kind]  # fmt: skip
        return str(n)

    def make_input(self, p: Params, rng: random.Random, kind: Kind) -> str:
        return cases_input(p, rng, kind, lambda: self._case(p, rng, kind))

    def answer(self, p: Params, given: str) -> str:
        sums = [n * (n + 1) // 2 for (n,) in case_rows(p, given, 1)]
        return "\n".join(str(s % p["mod"] if p["mod"] else s) for s in sums) + "\n"

    def solutions(self, p: Params) -> list[Code]:
        m = p["mod"]
        return [
            per_case_py(p, "n = int(input())\nprint(n * (n + 1) // 2$rest)", rest=f" % {m}" if m else ""),
            stdin_py(p, "n = int(n)\nhalf, other = (n // 2, n + 1) if n % 2 == 0 else (n, (n + 1) // 2)\n"
                        "ans = half * other$rest", rest=f" % {m}" if m else ""),
            cin_program(p, """
                long long n;
                cin >> n;
                cout << $e << '\\n';
                """, head=f"const long long M = {m}, inv2 = (M + 1) / 2;" if m else "",
                e="n % M * ((n + 1) % M) % M * inv2 % M" if m else "n * (n + 1) / 2"),
            scanf_program(p, """
                unsigned long long a, b;
                scanf("%llu", &a);
                b = a + 1;
                if (a % 2 == 0) a /= 2; else b /= 2;
                printf("%llu\\n", $e);
                """, e=f"a % {m}ULL * (b % {m}ULL) % {m}ULL" if m else "a * b"),
        ]  # fmt: skip

    def wrong_solutions(self, p: Params) -> list[Code]:
        m = p["mod"]
        rest = f" % {m}" if m else ""
        return [
            per_case_py(p, "n = int(input())\nprint(int(n * (n + 1) / 2)$rest)", "wrong operator", rest=rest),
            per_case_py(p, "n = int(input())\nprint(sum(range(1, n + 1))$rest)", "too slow", rest=rest),
            cin_program(p, """
                $type n;
                cin >> n;
                cout << n * (n + 1) / 2$rest << endl;
                """, "overflow", type="long long" if m else "int", rest=rest),
            cin_program(p, """
                long long n;
                cin >> n;
                cout << $e << endl;
                """, "wrong formula" if m else "off by one",
                e=f"n % {m} * ((n + 1) % {m}) % {m} / 2" if m else "n * (n - 1) / 2"),
        ]  # fmt: skip


class AlternatingSum(Family):
    """f(n) = -1 + 2 - 3 + ... + (-1)^n n for n up to 10^18: n / 2 for even n, -(n + 1) / 2 for odd n.
    Switches: one test or many; whether the first term is subtracted or added (the answer's sign)."""

    name = "alternating_sum"
    tags = ("math", "implementation")
    rating = 800

    def draw(self, rng: random.Random) -> Params:
        return {"multi": rng.random() < 0.5, "minus_first": rng.random() < 0.5,
                "n_max": rng.choice((10**15, 10**18)), "t_max": rng.choice((1000, 10**4))}  # fmt: skip

    def statement(self, p: Params, rng: random.Random) -> Statement:
        hero = text.name(rng)
        minus = p["minus_first"]
        formula = "-1 + 2 - 3 + 4 - … + (-1)^n ⋅ n" if minus else "1 - 2 + 3 - 4 + … + (-1)^{n+1} ⋅ n"
        odd, even = ("pays", "receives") if minus else ("receives", "pays")
        legend = text.pick(rng, (
            f"For a positive integer n let f(n) = {formula}. Your task is to calculate f(n) for the given n.",
            f"{hero} plays a game for n days. On the i-th day, if i is odd, {hero} {odd} i coins, and if i is even, "
            f"{hero} {even} i coins. {hero} starts with 0 coins and may go into debt. What is {hero}'s balance after "
            "n days (a negative number means debt)?",
            f"{hero} stands at point 0 of a number line in {text.place(rng)}. On the i-th move {hero} walks i steps: "
            f"{'to the left' if minus else 'to the right'} on odd moves and {'to the right' if minus else 'to the left'}"
            " on even moves. At which point does " + hero + " stand after n moves?",
        ))  # fmt: skip
        line = f"{text.integer(rng, 'n')} ({text.bounds(rng, 'n', 1, p['n_max'])})."
        inp, out = case_sections(p, rng, line, f"{text.single_integer(rng)} — the answer")
        return Statement(legend, inp, out)

    def _case(self, p: Params, rng: random.Random, kind: Kind) -> str:
        top = p["n_max"]
        n = {"example": rng.randint(1, 12), "small": rng.randint(1, 1000), "large": rng.randint(top // 2, top),
             "edge": rng.choice((1, 2, 3, top, top - 1, top - rng.randint(0, 9)))}[kind]  # fmt: skip
        return str(n)

    def make_input(self, p: Params, rng: random.Random, kind: Kind) -> str:
        return cases_input(p, rng, kind, lambda: self._case(p, rng, kind))

    def answer(self, p: Params, given: str) -> str:
        sign = 1 if p["minus_first"] else -1
        return "\n".join(str(sign * (n // 2 if n % 2 == 0 else -(n + 1) // 2)) for (n,) in case_rows(p, given, 1)) + "\n"

    def solutions(self, p: Params) -> list[Code]:
        minus = p["minus_first"]
        return [
            per_case_py(p, """
                n = int(input())
                if n % 2 == 0:
                    print($even)
                else:
                    print($odd)
                """, even="n // 2" if minus else "-(n // 2)", odd="-(n + 1) // 2" if minus else "(n + 1) // 2"),
            stdin_py(p, "n = int(n)\nans = $e", e="n // 2 - n % 2 * n" if minus else "n % 2 * n - n // 2"),
            cin_program(p, """
                long long n;
                cin >> n;
                long long ans = (n % 2 == 0) ? n / 2 : -(n + 1) / 2;
                cout << $e << "\\n";
                """, e="ans" if minus else "-ans"),
            scanf_program(p, """
                long long n;
                scanf("%lld", &n);
                long long pairs = n / 2;
                printf("%lld\\n", $e);
                """, e="n & 1 ? pairs - n : pairs" if minus else "n & 1 ? n - pairs : -pairs"),
        ]  # fmt: skip

    def wrong_solutions(self, p: Params) -> list[Code]:
        sign = "" if p["minus_first"] else "-"
        return [
            per_case_py(p, """
                n = int(input())
                total = 0
                for i in range(1, n + 1):
                    total += i if i % 2 == 0 else -i
                print($sign total)
                """, "too slow", sign=sign),
            per_case_py(p, "n = int(input())\nprint($sign(n // 2 if n % 2 == 0 else -(n // 2)))", "off by one", sign=sign),
            cin_program(p, """
                int n;
                cin >> n;
                int ans = (n % 2 == 0) ? n / 2 : -(n + 1) / 2;
                cout << $sign ans << endl;
                """, "overflow", sign=sign),
            cin_program(p, """
                long long n;
                cin >> n;
                cout << $sign(n % 2 == 0 ? n / 2 : (n + 1) / 2) << endl;
                """, "wrong formula", sign=sign),
        ]  # fmt: skip


class DigitSum(Family):
    """The sum of the digits of a number with up to 2 * 10^5 digits (read as a string), or its digital root
    (sum the digits until one digit is left). Switches: one test or many; sum or root."""

    name = "digit_sum"
    tags = ("math", "implementation", "strings")
    rating = 800

    def draw(self, rng: random.Random) -> Params:
        return {"multi": rng.random() < 0.5, "root": rng.random() < 0.5, "len_max": rng.choice((10**5, 2 * 10**5)),
                "t_max": rng.choice((100, 1000))}  # fmt: skip

    def statement(self, p: Params, rng: random.Random) -> Statement:
        hero = text.name(rng)
        task = ("replaces the number by the sum of its digits, again and again, until the number has a single "
                "digit. Which digit remains?" if p["root"] else "computes the sum of its digits. What is the sum?")
        legend = text.pick(rng, (
            f"{hero} wrote a huge positive integer n on the blackboard. Then {hero} {task}",
            f"The safe in {text.place(rng)} opens with a code derived from a very long number n printed on its door: "
            f"one {task}",
            "You are given a positive integer n without leading zeros. " + (
                "While n has more than one digit, replace n with the sum of its digits. Print the final digit."
                if p["root"] else "Find the sum of the digits of n."),
        ))  # fmt: skip
        digits = text.number(rng, p["len_max"])
        if p["multi"]:
            inp = (f"{text.multi_test_intro(rng, p['t_max'])}\n\nEach test case consists of one line with a positive "
                   f"integer n without leading zeros. The total number of digits over all test cases does not "
                   f"exceed {digits}.")  # fmt: skip
            out = f"For each test case, {text.print_verb(rng).lower()} {text.single_integer(rng)} — the answer."
        else:
            inp = f"{text.only_line(rng)} a positive integer n without leading zeros; n has at most {digits} digits."
            out = f"{text.print_verb(rng)} {text.single_integer(rng)} — the answer."
        return Statement(legend, inp, out)

    def _case(self, rng: random.Random, kind: Kind, length: int) -> str:
        if kind == "edge":
            return rng.choice(("9" * length, "1" + "0" * (length - 1), "9", "1", "18" * (length // 2) or "9",
                               "9" * (length // 2) + "1"))  # fmt: skip
        return str(rng.randint(1, 9)) + "".join(rng.choice("0123456789") for _ in range(length - 1))

    def make_input(self, p: Params, rng: random.Random, kind: Kind) -> str:
        per_case = p["len_max"] // p["t_max"] if p["multi"] else p["len_max"]
        size = {"example": lambda: rng.randint(1, 8), "small": lambda: rng.randint(1, 60),
                "edge": lambda: rng.choice((1, per_case)), "large": lambda: rng.randint(per_case * 9 // 10, per_case)}[kind]  # fmt: skip
        return cases_input(p, rng, kind, lambda: self._case(rng, kind, size()))

    def answer(self, p: Params, given: str) -> str:
        numbers = given.split()[1:] if p["multi"] else given.split()
        sums = [sum(map(int, s)) for s in numbers]
        return "\n".join(str(1 + (s - 1) % 9 if p["root"] else s) for s in sums) + "\n"

    def solutions(self, p: Params) -> list[Code]:
        root = p["root"]
        return [
            per_case_py(p, """
                total = sum(map(int, input().strip()))
                while total >= 10:
                    total = sum(map(int, str(total)))
                print(total)
                """) if root else per_case_py(p, "print(sum(map(int, input().strip())))"),
            stdin_py(p, "ans = sum(ord(c) - 48 for c in n)$rest", rest="\nans = 1 + (ans - 1) % 9" if root else ""),
            cin_program(p, """
                string s;
                cin >> s;
                long long sum = 0;
                for (char c : s) sum += c - '0';
                $repeat
                cout << sum << "\\n";
                """, fast=True, repeat="while (sum >= 10) { long long x = sum; sum = 0; while (x) { sum += x % 10; "
                                              "x /= 10; } }" if root else ""),
            scanf_program(p, """
                scanf("%s", s);
                int len = strlen(s), sum = 0;
                for (int i = 0; i < len; i++) sum += s[i] - '0';
                printf("%d\\n", $e);
                """, head="#include <cstring>\nstatic char s[200005];", e="sum % 9 == 0 ? 9 : sum % 9" if root else "sum"),
        ]  # fmt: skip

    def wrong_solutions(self, p: Params) -> list[Code]:
        root = p["root"]
        return [
            per_case_py(p, """
                s = input().strip()
                total = 0
                for i in range(len(s) - 1):
                    total += int(s[i])
                print($e)
                """, "off by one", e="1 + (total - 1) % 9 if total else 0" if root else "total"),
            per_case_py(p, "total = sum(map(int, input().strip()))\nprint(total % 9)", "missed edge case") if root else
            per_case_py(p, """
                n = int(input())
                total = 0
                while n > 0:
                    total += n % 10
                    n //= 10
                print(total)
                """, "too slow"),
            cin_program(p, """
                unsigned long long n;
                cin >> n;
                long long sum = 0;
                while (n > 0) { sum += n % 10; n /= 10; }
                cout << $e << endl;
                """, "overflow", e="(sum - 1) % 9 + 1" if root else "sum"),
            cin_program(p, """
                string s;
                cin >> s;
                long long sum = 0;
                for (char c : s) sum += $add;
                cout << sum << endl;
                """, "wrong formula", add="c - '0'" if root else "c"),
        ]  # fmt: skip


FAMILIES: list[Family] = [SumFirstN(), AlternatingSum(), DigitSum()]
