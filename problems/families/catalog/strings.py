"""Families about reading a string and scanning it once: palindromes, vowels, letter counts, shifts (tags: strings,
implementation). The helpers at the top (one test or many, the input and output sections) also serve strings_2.py
and the implementation modules, whose tasks share the same shape: a few lines per test case."""

from __future__ import annotations

import random
import textwrap
from collections import Counter
from collections.abc import Callable, Sequence
from string import Template

from problems.families import text
from problems.families.base import Code, Family, Kind, Params, Statement, cpp, py

TOTAL = 2 * 10**5  # the bound on the sum of lengths over all test cases, when there are several
LETTERS = "abcdefghijklmnopqrstuvwxyz"

# ------------------------------------------------------------------------------------------------ shared helpers


def per_case_py(multi: bool, body: str, mistake: str = "", **values: object) -> Code:
    """A Python program that solves one test case with `body`; with `multi`, the body runs once per case."""
    # Filled before the loop indents it, so that a value of several lines is indented too.
    body = Template(textwrap.dedent(body).strip("\n")).substitute(values)
    if multi:  # the imports stay on top, outside the loop
        lines = body.split("\n")
        head = next(i for i, line in enumerate(lines) if not line.startswith(("import ", "from ")))
        body = "\n".join(lines[:head] + ["for _ in range(int(input())):"] + ["    " + l for l in lines[head:]])
    return py(body.replace("$", "$$"), mistake)


def cpp_std(body: str, mistake: str = "", multi: bool = False, fast: bool = False, **values: object) -> Code:
    """A C++ program with the usual contest header, `body` being the inside of main (one test case's code, run
    t times with `multi`; `fast` unties cin from stdio first)."""
    body = Template(textwrap.dedent(body).strip("\n")).substitute(values)
    if multi:
        body = "int t;\ncin >> t;\nwhile (t--) {\n" + textwrap.indent(body, "    ") + "\n}"
    if fast:
        body = "ios::sync_with_stdio(false);\ncin.tie(nullptr);\n" + body
    source = "#include <bits/stdc++.h>\nusing namespace std;\n\nint main() {\n" + textwrap.indent(body, "    ") + "\n}"
    return cpp(source.replace("$", "$$"), mistake)


def cpp_loop(multi: bool, scanf: bool = False) -> str:
    """The opening of the per-case block of a C++ program (closed by the template's own brace)."""
    if not multi:
        return "{"
    return 'int t; scanf("%d", &t); while (t--) {' if scanf else "int t; cin >> t; while (t--) {"


def case_sizes(rng: random.Random, kind: Kind, limit: int, small: int = 30) -> int:
    """A string length for one test case of `kind`, at most `limit`."""
    return {"example": rng.randint(1, min(limit, 8)), "small": rng.randint(1, min(limit, small)),
            "edge": rng.choice((1, 2, limit)), "large": limit}[kind]  # fmt: skip


def cases_input(p: Params, rng: random.Random, kind: Kind, case: Callable[[Kind, int], str]) -> str:
    """The input: one case (`case(kind, limit)` gives its lines) or t of them, the sum of sizes within TOTAL."""
    if not p["multi"]:
        return case(kind, p["n_max"]) + "\n"
    if kind == "large":
        t = rng.choice((p["t_max"], max(1, min(p["t_max"], TOTAL // p["n_max"]))))
        limit = max(1, min(p["n_max"], TOTAL // t))
    else:
        t, limit = {"example": rng.randint(2, 4), "small": rng.randint(1, 10), "edge": rng.randint(1, 6)}[kind], p["n_max"]
        limit = min(limit, TOTAL // t)
    return f"{t}\n" + "".join(case(kind, limit) + "\n" for _ in range(t))


def case_lines(p: Params, given: str, per_case: int) -> list[list[str]]:
    """The lines of each test case of an input (`per_case` lines each)."""
    lines = given.split("\n")
    start, t = (1, int(lines[0])) if p["multi"] else (0, 1)
    return [lines[start + i * per_case : start + (i + 1) * per_case] for i in range(t)]


def input_section(p: Params, rng: random.Random, lines: Sequence[str], size: str | None = "|s|") -> str:
    """The input section from what each line of a case holds ("a string s (...)."), one test or many; `size` is
    what the sum over test cases bounds (None: no such bound)."""
    if p["multi"]:
        leads = (["The only line of each test case contains"] if len(lines) == 1 else
                 ["The first line of each test case contains", "The second line of each test case contains"])
        body = " ".join(f"{lead} {line}" for lead, line in zip(leads, lines))
        total = f"\n\n{text.sum_constraint(rng, size, TOTAL)}" if size else ""
        return f"{text.multi_test_intro(rng, p['t_max'])}\n\n{body}{total}"
    leads = [text.only_line(rng)] if len(lines) == 1 else [text.first_line(rng), text.second_line(rng)]
    return "\n\n".join(f"{lead} {line}" for lead, line in zip(leads, lines))


def output_section(p: Params, rng: random.Random, what: str) -> str:
    """"Print `what`", or "For each test case, print `what`"."""
    verb = text.print_verb(rng)
    return f"For each test case, {verb.lower()} {what}" if p["multi"] else f"{verb} {what}"


def length_bound(p: Params, rng: random.Random, var: str = "|s|") -> str:
    return text.bounds(rng, var, 1, p["n_max"])


def yes_no_output(p: Params, rng: random.Random, condition: str) -> str:
    yes, no, case = text.yes_no(rng)
    return f"{output_section(p, rng, f'{yes} if {condition}, and {no} otherwise.')} {case}".strip()


# ------------------------------------------------------------------------------------------------ families


class PalindromeCheck(Family):
    """Is the string a palindrome? Switches: letter case ignored or not, one test or many."""

    name = "palindrome_check"
    tags = ("strings", "implementation")
    rating = 800

    def draw(self, rng: random.Random) -> Params:
        return {"multi": rng.random() < 0.5, "ignore_case": rng.random() < 0.5,
                "n_max": rng.choice((100, 1000, 10**5, 2 * 10**5)), "t_max": rng.choice((100, 1000, 10**4))}  # fmt: skip

    def statement(self, p: Params, rng: random.Random) -> Statement:
        hero = text.name(rng)
        legend = text.pick(rng, (
            f"{hero} collects words that read the same from left to right and from right to left. Given a word s, "
            f"tell {hero} whether it belongs in the collection.",
            f"In {text.place(rng)} a password is considered weak if it is a palindrome, that is, it equals its own "
            "reversal. Check whether the password s is weak.",
            "A string is called a palindrome if it reads the same backward as forward. You are given a string s. "
            "Determine whether s is a palindrome.",
        ))  # fmt: skip
        rule = ("Uppercase and lowercase versions of a letter are considered equal (for example, \"Aba\" is a "
                "palindrome)." if p["ignore_case"] else
                "Uppercase and lowercase letters are different (for example, \"Aba\" is not a palindrome).")  # fmt: skip
        line = f"a string s ({length_bound(p, rng)}) consisting of uppercase and lowercase Latin letters."
        return Statement(f"{legend} {rule}", input_section(p, rng, [line]), yes_no_output(p, rng, "s is a palindrome"))

    def _case(self, rng: random.Random, kind: Kind, limit: int) -> str:
        n = case_sizes(rng, kind, limit)
        alpha = rng.choice(("ab", "abc", LETTERS))
        half = [rng.choice(alpha) for _ in range(n // 2)]
        s = half + [rng.choice(alpha)] * (n % 2) + half[::-1]
        roll = rng.random()
        if roll < 0.25:
            s = [rng.choice(alpha) for _ in range(n)]
        elif roll < 0.5 and n > 1:
            i = rng.choice((0, n // 2 - 1, rng.randrange(n)))  # the outer pair, the middle pair, anywhere
            s[i] = "b" if s[i] != "b" else "a"
        if rng.random() < 0.5:  # mirrored cells get the same case, so a palindrome stays one
            for i in range(n // 2 + 1):
                if i < n and rng.random() < 0.5:
                    s[i], s[n - 1 - i] = s[i].upper(), s[n - 1 - i].upper()
        if rng.random() < 0.4:  # one letter in the other case: a palindrome only when case is ignored
            i = rng.randrange(n)
            s[i] = s[i].swapcase()
        return "".join(s)

    def make_input(self, p: Params, rng: random.Random, kind: Kind) -> str:
        return cases_input(p, rng, kind, lambda k, limit: self._case(rng, k, limit))

    def answer(self, p: Params, given: str) -> str:
        out = []
        for (s,) in case_lines(p, given, 1):
            s = s.lower() if p["ignore_case"] else s
            out.append("YES" if s == s[::-1] else "NO")
        return "\n".join(out) + "\n"

    def solutions(self, p: Params) -> list[Code]:
        low = ".lower()" if p["ignore_case"] else ""
        tolower = "for (auto &c : s) c = tolower(c);" if p["ignore_case"] else ""
        eq = "tolower(s[i]) != tolower(s[j])" if p["ignore_case"] else "s[i] != s[j]"
        return [
            per_case_py(p["multi"], """
                s = input().strip()$low
                print("YES" if s == s[::-1] else "NO")
                """, low=low),
            py("""
                import sys
                words = sys.stdin.read().split()
                out = []
                for s in words[$first:]:
                    s = s$low
                    ok = all(s[i] == s[-1 - i] for i in range(len(s) // 2))
                    out.append("YES" if ok else "NO")
                print("\\n".join(out))
                """, low=low, first=1 if p["multi"] else 0),
            cpp_std("""
                string s;
                cin >> s;
                $tolower
                string r(s.rbegin(), s.rend());
                cout << (s == r ? "YES" : "NO") << "\\n";
                """, tolower=tolower, multi=p["multi"], fast=True),
            cpp("""
                #include <cstdio>
                #include <cstring>
                #include <cctype>
                static char s[200005];
                int main() {
                    $loop
                        scanf("%s", s);
                        int n = strlen(s);
                        bool ok = true;
                        for (int i = 0, j = n - 1; i < j; i++, j--)
                            if ($eq) ok = false;
                        puts(ok ? "YES" : "NO");
                    }
                }
                """, loop=cpp_loop(p["multi"], scanf=True), eq=eq),
        ]  # fmt: skip

    def wrong_solutions(self, p: Params) -> list[Code]:
        low = ".lower()" if p["ignore_case"] else ""
        return [
            # The case rule the other way round.
            per_case_py(p["multi"], """
                s = input().strip()$low
                print("YES" if s == s[::-1] else "NO")
                """, "missed edge case", low="" if p["ignore_case"] else ".lower()"),
            per_case_py(p["multi"], """
                s = input().strip()$low
                n = len(s)
                print("YES" if s[:n // 2] == s[(n + 1) // 2:] else "NO")
                """, "wrong formula", low=low),
            cpp_std("""
                string s;
                cin >> s;
                $tolower
                int n = s.size();
                bool ok = true;
                for (int i = 1; i < n / 2; i++)
                    if (s[i] != s[n - 1 - i]) ok = false;
                cout << (ok ? "YES" : "NO") << endl;
                """, "off by one", multi=p["multi"],
                tolower="for (auto &c : s) c = tolower(c);" if p["ignore_case"] else ""),
        ]  # fmt: skip


class CountVowels(Family):
    """Count the vowels (or the consonants) of a string. Switches: whether y is a vowel, what is counted, whether
    the string has uppercase letters too."""

    name = "count_vowels"
    tags = ("strings", "implementation")
    rating = 800

    def draw(self, rng: random.Random) -> Params:
        return {"y": rng.random() < 0.5, "consonants": rng.random() < 0.4, "mixed": rng.random() < 0.5,
                "multi": False, "n_max": rng.choice((100, 1000, 10**5, 2 * 10**5))}  # fmt: skip

    def _vowels(self, p: Params) -> str:
        return "aeiouy" if p["y"] else "aeiou"

    def statement(self, p: Params, rng: random.Random) -> Statement:
        hero = text.name(rng)
        what = "consonants" if p["consonants"] else "vowels"
        legend = text.pick(rng, (
            f"{hero} is learning to read and finds some letters harder than others. Count the {what} in the word s "
            f"so that {hero} knows how hard the word is.",
            f"The newspaper of {text.place(rng)} pays its writers by the number of {what} in their texts. How much "
            "does the text s earn (one coin per letter)?",
            f"You are given a string s of n Latin letters. Find the number of {what} in it.",
        ))  # fmt: skip
        vowels = ", ".join(f'"{c}"' for c in self._vowels(p))
        rule = f"The vowels are the letters {vowels}; all other letters are consonants."
        if p["mixed"]:
            rule += " The case of a letter does not matter: \"A\" is a vowel just like \"a\"."
        letters = "uppercase and lowercase Latin letters" if p["mixed"] else "lowercase Latin letters"
        inp = input_section(p, rng, [f"{text.integer(rng, 'n')} ({length_bound(p, rng, 'n')}) — the length of the "
                                     "string.", f"the string s of length n, consisting of {letters}."])  # fmt: skip
        return Statement(f"{legend} {rule}", inp, output_section(p, rng, f"{text.single_integer(rng)} — the number "
                                                                           f"of {what} in s."))  # fmt: skip

    def make_input(self, p: Params, rng: random.Random, kind: Kind) -> str:
        n = case_sizes(rng, kind, p["n_max"])
        alpha = rng.choice((LETTERS, "aeiouybcd", "yay"))
        s = [rng.choice(alpha) for _ in range(n)]
        if kind == "edge" and rng.random() < 0.5:
            s = [rng.choice("yaz")] * n
        if p["mixed"]:
            s = [c.upper() if rng.random() < 0.4 else c for c in s]
        return f"{n}\n{''.join(s)}\n"

    def answer(self, p: Params, given: str) -> str:
        s = given.split()[1].lower()
        vowels = sum(c in self._vowels(p) for c in s)
        return f"{len(s) - vowels if p['consonants'] else vowels}\n"

    def solutions(self, p: Params) -> list[Code]:
        v, op = self._vowels(p), "not in" if p["consonants"] else "in"
        low = ".lower()" if p["mixed"] else ""
        return [
            py("""
                input()
                s = input().strip()$low
                print(sum(1 for c in s if c $op "$v"))
                """, v=v, op=op, low=low),
            py("""
                import sys
                n, s = sys.stdin.read().split()
                vowels = set("$v")
                cnt = 0
                for ch in s$low:
                    if ch in vowels:
                        cnt += 1
                print($res)
                """, v=v, low=low, res="int(n) - cnt" if p["consonants"] else "cnt"),
            cpp_std("""
                int n;
                string s;
                cin >> n >> s;
                const string V = "$v";
                int cnt = 0;
                for (char c : s)
                    if (V.find($c) $cmp string::npos) cnt++;
                cout << cnt << endl;
                """, v=v, c="(char)tolower(c)" if p["mixed"] else "c", cmp="==" if p["consonants"] else "!="),
            cpp("""
                #include <cstdio>
                #include <cctype>
                char s[200005];
                int main() {
                    int n;
                    scanf("%d %s", &n, s);
                    bool vowel[128] = {};
                    for (const char *q = "$v"; *q; q++) vowel[(int)*q] = true;
                    long long ans = 0;
                    for (int i = 0; i < n; i++) ans += vowel[$c];
                    printf("%lld\\n", $res);
                    return 0;
                }
                """, v=v, c="tolower(s[i])" if p["mixed"] else "(int)s[i]", res="n - ans" if p["consonants"] else "ans"),
        ]  # fmt: skip

    def wrong_solutions(self, p: Params) -> list[Code]:
        op = "not in" if p["consonants"] else "in"
        low = ".lower()" if p["mixed"] else ""
        wrong = [
            # "y" on the wrong side of the rule.
            py("""
                input()
                s = input().strip()$low
                print(sum(1 for c in s if c $op "$v"))
                """, "missed edge case", v="aeiou" if p["y"] else "aeiouy", op=op, low=low),
            cpp_std("""
                int n;
                string s;
                cin >> n >> s;
                string V = "$v";
                int cnt = 0;
                for (int i = 1; i < n; i++)
                    if (V.find($c) $cmp string::npos) cnt++;
                cout << cnt << endl;
                """, "off by one", v=self._vowels(p), c="(char)tolower(s[i])" if p["mixed"] else "s[i]",
                cmp="==" if p["consonants"] else "!="),
        ]  # fmt: skip
        if p["mixed"]:
            wrong.append(py("""
                input()
                s = input().strip()
                print(sum(1 for c in s if c $op "$v"))
                """, "missed edge case", v=self._vowels(p), op=op))  # fmt: skip
        return wrong


class MostFrequentLetter(Family):
    """The letter that occurs most often; ties go to the alphabetically smallest (or largest). Switches: the tie
    rule, whether the count is printed too, one test or many."""

    name = "most_frequent_letter"
    tags = ("strings", "implementation")
    rating = 900

    def draw(self, rng: random.Random) -> Params:
        return {"multi": rng.random() < 0.5, "largest": rng.random() < 0.35, "count": rng.random() < 0.5,
                "n_max": rng.choice((100, 1000, 10**5, 2 * 10**5)), "t_max": rng.choice((100, 1000))}  # fmt: skip

    def statement(self, p: Params, rng: random.Random) -> Statement:
        hero = text.name(rng)
        tie = "latest" if p["largest"] else "earliest"
        legend = text.pick(rng, (
            f"{hero} wrote a long message s and wants to know which letter was typed most often, to replace the "
            "worn key on the keyboard.",
            f"The printing house of {text.place(rng)} runs out of one letter first: the one that occurs most often in "
            "the book s. Find this letter.",
            "You are given a string s of lowercase Latin letters. Find the letter that occurs in s the largest "
            "number of times.",
        ))  # fmt: skip
        rule = f"If several letters occur the same largest number of times, choose the one {tie} in the alphabet."
        line = f"a string s ({length_bound(p, rng)}) consisting of lowercase Latin letters."
        what = ("this letter and the number of its occurrences, separated by a space." if p["count"] else
                "this letter.")  # fmt: skip
        return Statement(f"{legend} {rule}", input_section(p, rng, [line]), output_section(p, rng, what))

    def _case(self, rng: random.Random, kind: Kind, limit: int) -> str:
        n = case_sizes(rng, kind, limit)
        alpha = rng.sample(LETTERS, rng.choice((2, 3, 5, 26)))
        if rng.random() < 0.6:  # a tie between letters that appear in an order other than the alphabet's
            k = min(len(alpha), n)
            s = [alpha[i % k] for i in range(n - n % k)]
            rng.shuffle(s)
            return "".join(s)
        return "".join(rng.choice(alpha) for _ in range(n))

    def make_input(self, p: Params, rng: random.Random, kind: Kind) -> str:
        return cases_input(p, rng, kind, lambda k, limit: self._case(rng, k, limit))

    def answer(self, p: Params, given: str) -> str:
        out = []
        for (s,) in case_lines(p, given, 1):
            counts = Counter(s)
            top = max(counts.values())
            letter = (max if p["largest"] else min)(c for c in counts if counts[c] == top)
            out.append(f"{letter} {top}" if p["count"] else letter)
        return "\n".join(out) + "\n"

    def solutions(self, p: Params) -> list[Code]:
        pick = "max" if p["largest"] else "min"
        order = "range(25, -1, -1)" if p["largest"] else "range(26)"
        show_py = 'print(best, cnt[best])' if p["count"] else "print(best)"
        show_c = 'cout << char(\'a\' + best) << " " << cnt[best] << "\\n";' if p["count"] else \
            "cout << char('a' + best) << \"\\n\";"
        return [
            per_case_py(p["multi"], """
                from collections import Counter
                cnt = Counter(input().strip())
                top = max(cnt.values())
                best = $pick(c for c in cnt if cnt[c] == top)
                $show
                """, pick=pick, show=show_py),
            per_case_py(p["multi"], """
                s = input().strip()
                freq = [0] * 26
                for ch in s:
                    freq[ord(ch) - 97] += 1
                b = $start
                for i in $order:
                    if freq[i] > freq[b]:
                        b = i
                print(chr(97 + b)$extra)
                """, start=25 if p["largest"] else 0, order=order,
                extra=", freq[b]" if p["count"] else ""),
            cpp_std("""
                string s;
                cin >> s;
                array<int, 26> cnt{};
                for (char c : s) cnt[c - 'a']++;
                int best = $start;
                for (int i = 0; i < 26; i++)
                    if (cnt[i] $cmp cnt[best]) best = i;
                $show
                """, start=0, cmp=">=" if p["largest"] else ">", show=show_c, multi=p["multi"], fast=True),
            cpp("""
                #include <cstdio>
                #include <cstring>
                char s[200005];
                int main() {
                    $loop
                        scanf("%s", s);
                        int c[26] = {0};
                        for (int i = 0; s[i]; i++) c[s[i] - 'a']++;
                        int b = $start;
                        for (int i = $start; i $cond; i$step) if (c[i] > c[b]) b = i;
                        $show
                    }
                    return 0;
                }
                """, loop=cpp_loop(p["multi"], scanf=True), start=25 if p["largest"] else 0,
                cond=">= 0" if p["largest"] else "< 26", step="--" if p["largest"] else "++",
                show='printf("%c %d\\n", \'a\' + b, c[b]);' if p["count"] else "printf(\"%c\\n\", 'a' + b);"),
        ]  # fmt: skip

    def wrong_solutions(self, p: Params) -> list[Code]:
        show = "print(best, n)" if p["count"] else "print(best)"
        return [
            # most_common breaks ties by first occurrence in the string, not by the alphabet.
            per_case_py(p["multi"], """
                from collections import Counter
                best, n = Counter(input().strip()).most_common(1)[0]
                $show
                """, "missed edge case", show=show),
            per_case_py(p["multi"], """
                s = input().strip()
                best = max(sorted(set(s), reverse=$rev), key=s.count)
                n = s.count(best)
                $show
                """, "missed edge case", rev=not p["largest"], show=show),
            cpp_std("""
                string s;
                cin >> s;
                int cnt[26] = {};
                for (char c : s) cnt[c - 'a']++;
                int best = 0;
                for (int i = 0; i < 26; i++)
                    if (cnt[i] $cmp cnt[best]) best = i;
                $show
                """, "wrong operator", cmp=">" if p["largest"] else ">=",
                show='cout << char(\'a\' + best) << " " << cnt[best] << endl;' if p["count"] else
                "cout << char('a' + best) << endl;", multi=p["multi"]),
        ]  # fmt: skip


FAMILIES: list[Family] = [PalindromeCheck(), CountVowels(), MostFrequentLetter()]
