"""Families about scanning a string with a little state: the current block of equal letters, a stack of open
brackets (tags: strings, implementation). The shared helpers are in strings.py."""

from __future__ import annotations

import random
from itertools import groupby

from problems.families import text
from problems.families.base import Code, Family, Kind, Params, Statement, cpp, py
from problems.families.catalog.strings import (LETTERS, case_lines, case_sizes, cases_input, cpp_loop, cpp_std,
                                               input_section, length_bound, output_section, per_case_py,
                                               yes_no_output)


class LongestEqualRun(Family):
    """The longest block of equal consecutive characters. Switches: print its length only, or also where the
    leftmost longest block starts (1-based); one test or many."""

    name = "longest_equal_run"
    tags = ("strings", "implementation")
    rating = 800

    def draw(self, rng: random.Random) -> Params:
        return {"multi": rng.random() < 0.5, "pos": rng.random() < 0.4, "binary": rng.random() < 0.4,
                "n_max": rng.choice((100, 1000, 10**5, 2 * 10**5)), "t_max": rng.choice((100, 1000, 10**4))}  # fmt: skip

    def statement(self, p: Params, rng: random.Random) -> Statement:
        hero = text.name(rng)
        legend = text.pick(rng, (
            (f"{hero} tossed a coin many times and wrote the results as a string s of zeros and ones. What is the "
             "longest streak of equal results?") if p["binary"] else
            (f"{hero} planted a row of flowers in {text.place(rng)}; the string s gives their colors, one lowercase "
             "letter per flower. Find the longest segment of neighbouring flowers of the same color."),
            (f"The weather station of {text.place(rng)} records one character per day in the string s. The "
             "forecasters want the longest period of consecutive days with the same record."),
            "You are given a string s. Find the maximum length of a substring of s whose characters are all equal.",
        ))  # fmt: skip
        chars = "the characters 0 and 1" if p["binary"] else "lowercase Latin letters"
        line = f"a string s ({length_bound(p, rng)}) consisting of {chars}."
        what = (f"two integers: the maximum length of a block of equal consecutive characters and the position "
                f"(numbered from 1) where the leftmost such block begins." if p["pos"] else
                f"{text.single_integer(rng)} — the maximum length of a block of equal consecutive characters.")  # fmt: skip
        return Statement(legend, input_section(p, rng, [line]), output_section(p, rng, what))

    def _case(self, p: Params, rng: random.Random, kind: Kind, limit: int) -> str:
        n = case_sizes(rng, kind, limit)
        alpha = "01" if p["binary"] else rng.choice(("ab", "abc", LETTERS))
        s: list[str] = []
        while len(s) < n:
            c = rng.choice([a for a in alpha if not s or a != s[-1]])
            s += [c] * rng.choice((1, 1, 2, 3, rng.randint(1, 8)))
        s = s[:n]
        roll = rng.random()
        if roll < 0.3 and n > 2:  # the longest block at the very end
            k = rng.randint(max(1, n // 3), n - 1)
            s[n - k :] = [alpha[0] if s[n - k - 1] != alpha[0] else alpha[1]] * k
        elif roll < 0.5 and n > 8:  # two longest blocks of the same length
            k = rng.randint(2, n // 4)
            s[:k], s[n - k :] = [alpha[1]] * k, [alpha[0]] * k
            s[k], s[n - k - 1] = alpha[0], alpha[1]
        if kind == "edge" and rng.random() < 0.4:
            s = [alpha[0]] * n
        return "".join(s)

    def make_input(self, p: Params, rng: random.Random, kind: Kind) -> str:
        return cases_input(p, rng, kind, lambda k, limit: self._case(p, rng, k, limit))

    def answer(self, p: Params, given: str) -> str:
        out = []
        for (s,) in case_lines(p, given, 1):
            best, start, i = 0, 0, 0
            for _, group in groupby(s):
                k = len(list(group))
                if k > best:
                    best, start = k, i
                i += k
            out.append(f"{best} {start + 1}" if p["pos"] else str(best))
        return "\n".join(out) + "\n"

    def solutions(self, p: Params) -> list[Code]:
        return [
            per_case_py(p["multi"], """
                from itertools import groupby
                s = input().strip()
                best, start, i = 0, 0, 0
                for ch, g in groupby(s):
                    k = len(list(g))
                    if k > best:
                        best, start = k, i
                    i += k
                print($out)
                """, out="best, start + 1" if p["pos"] else "best"),
            py("""
                import sys
                res = []
                for s in sys.stdin.read().split()[$first:]:
                    best = cur = 1
                    at = 0
                    for i in range(1, len(s)):
                        cur = cur + 1 if s[i] == s[i - 1] else 1
                        if cur > best:
                            best, at = cur, i - cur + 1
                    res.append($out)
                print("\\n".join(res))
                """, first=1 if p["multi"] else 0, out='f"{best} {at + 1}"' if p["pos"] else "str(best)"),
            cpp_std("""
                string s;
                cin >> s;
                int n = s.size(), best = 1, cur = 1, at = 0;
                for (int i = 1; i < n; i++) {
                    cur = s[i] == s[i - 1] ? cur + 1 : 1;
                    if (cur > best) best = cur, at = i - cur + 1;
                }
                cout << $out << '\\n';
                """, multi=p["multi"], fast=True, out='best << " " << at + 1' if p["pos"] else "best"),
            cpp("""
                #include <cstdio>
                #include <cstring>
                char s[200005];
                int main() {
                    $loop
                        scanf("%s", s);
                        int n = strlen(s), best = 0, where = 0;
                        for (int i = 0, j; i < n; i = j) {
                            for (j = i; j < n && s[j] == s[i]; j++) {}
                            if (j - i > best) { best = j - i; where = i + 1; }
                        }
                        $print
                    }
                    return 0;
                }
                """, loop=cpp_loop(p["multi"], scanf=True),
                print='printf("%d %d\\n", best, where);' if p["pos"] else 'printf("%d\\n", best);'),
        ]  # fmt: skip

    def wrong_solutions(self, p: Params) -> list[Code]:
        wrong = [
            # The best block is updated only when a block ends at a change of character: the last one is missed.
            per_case_py(p["multi"], """
                s = input().strip()
                best, cur, at = 1, 1, 0
                for i in range(1, len(s)):
                    if s[i] == s[i - 1]:
                        cur += 1
                    else:
                        if cur > best:
                            best, at = cur, i - cur
                        cur = 1
                print($out)
                """, "missed edge case", out="best, at + 1" if p["pos"] else "best"),
            cpp_std("""
                string s;
                cin >> s;
                int best = 0, cur = 0, at = 0;
                for (int i = 1; i < (int)s.size(); i++) {
                    if (s[i] == s[i - 1]) cur++;
                    else cur = 0;
                    if (cur > best) best = cur, at = i - cur;
                }
                cout << $out << endl;
                """, "off by one", multi=p["multi"], out='best << " " << at + 1' if p["pos"] else "best"),
        ]  # fmt: skip
        if p["pos"]:
            wrong.append(cpp_std("""
                string s;
                cin >> s;
                int n = s.size(), best = 1, cur = 1, at = 0;
                for (int i = 1; i < n; i++) {
                    cur = s[i] == s[i - 1] ? cur + 1 : 1;
                    if (cur >= best) best = cur, at = i - cur + 1;
                }
                cout << best << " " << at + 1 << endl;
                """, "wrong operator", multi=p["multi"]))  # fmt: skip
        else:
            wrong.append(per_case_py(p["multi"], """
                from collections import Counter
                print(max(Counter(input().strip()).values()))
                """, "wrong formula"))  # fmt: skip
        return wrong


class BalancedBrackets(Family):
    """Is a bracket sequence balanced? Switches: one bracket type or three, one test or many."""

    name = "balanced_brackets"
    tags = ("strings", "implementation")
    rating = 1000

    def draw(self, rng: random.Random) -> Params:
        return {"multi": rng.random() < 0.5, "three": rng.random() < 0.5,
                "n_max": rng.choice((100, 1000, 10**5, 2 * 10**5)), "t_max": rng.choice((100, 1000))}  # fmt: skip

    def statement(self, p: Params, rng: random.Random) -> Statement:
        hero = text.name(rng)
        kinds = "round, square and curly brackets" if p["three"] else "round brackets"
        legend = text.pick(rng, (
            f"{hero} writes a compiler for the language of {text.place(rng)}, and the first check is whether the "
            f"brackets of the program s are balanced. The program s consists of {kinds} only.",
            f"{hero} found a string s of {kinds} in an old notebook. Is it a correct bracket sequence?",
            f"You are given a string s consisting of {kinds}. Determine whether s is balanced.",
        ))  # fmt: skip
        rule = ("A sequence is balanced if every bracket can be matched with a bracket of the same type so that "
                "each opening bracket comes before its closing one and matched pairs are either nested or disjoint "
                "(for example, \"([]{})\" is balanced, while \"([)]\" and \"(()\" are not)." if p["three"] else
                "A sequence is balanced if the brackets can be matched in pairs \"(\" … \")\", each opening bracket "
                "before its closing one, so that the pairs are nested or disjoint (for example, \"(())()\" is "
                "balanced, while \")(\" and \"(()\" are not).")  # fmt: skip
        chars = "the characters ( ) [ ] { }" if p["three"] else "the characters ( and )"
        line = f"a string s ({length_bound(p, rng)}) consisting of {chars}."
        return Statement(f"{legend} {rule}", input_section(p, rng, [line]), yes_no_output(p, rng, "s is balanced"))

    def _case(self, p: Params, rng: random.Random, kind: Kind, limit: int) -> str:
        n = case_sizes(rng, kind, limit, small=20)
        pairs = ["()", "[]", "{}"] if p["three"] else ["()"]
        out: list[str] = []
        stack: list[str] = []
        for i in range(n - n % 2):  # a random balanced sequence of even length
            left = n - n % 2 - i
            if stack and (len(stack) == left or rng.random() < 0.5):
                out.append(stack.pop())
            else:
                pair = rng.choice(pairs)
                out.append(pair[0])
                stack.append(pair[1])
        roll = rng.random()
        if n % 2 or roll < (0.6 if kind == "example" else 0.4):
            pass  # balanced, or odd length
        elif roll < 0.55 and n > 1:  # two brackets swapped
            i, j = sorted(rng.sample(range(n), 2))
            out[i], out[j] = out[j], out[i]
        elif roll < 0.7:  # one bracket changed
            i = rng.randrange(n)
            out[i] = rng.choice("()[]{}" if p["three"] else "()")
        elif roll < 0.8 and n > 1:  # a closing bracket before its opening one, the counts still equal
            out = out[1:] + out[:1]
        elif roll < 0.92:  # the last bracket opens: one is left unclosed at the end
            out[-1] = rng.choice("([{" if p["three"] else "(")
        else:  # types crossed: ([)]
            out = list(rng.choice(("([)]", "{(})", "[(])"))) if p["three"] else out
        if n % 2 and kind != "large":
            out.append(rng.choice("()"))
        elif n % 2:
            out.append("(")
        if kind == "edge" and rng.random() < 0.5:
            out = list(rng.choice(("(", ")", ")(", "((", "()", "(]", "([)]") if p["three"] else ("(", ")", ")(", "((", "()")))
        return "".join(out[:limit])

    def make_input(self, p: Params, rng: random.Random, kind: Kind) -> str:
        return cases_input(p, rng, kind, lambda k, limit: self._case(p, rng, k, limit))

    def answer(self, p: Params, given: str) -> str:
        match = {")": "(", "]": "[", "}": "{"}
        out = []
        for (s,) in case_lines(p, given, 1):
            stack: list[str] = []
            ok = True
            for c in s:
                if c in "([{":
                    stack.append(c)
                elif stack and stack[-1] == match[c]:
                    stack.pop()
                else:
                    ok = False
                    break
            out.append("YES" if ok and not stack else "NO")
        return "\n".join(out) + "\n"

    def solutions(self, p: Params) -> list[Code]:
        return [
            per_case_py(p["multi"], """
                s = input().strip()
                pair = {")": "(", "]": "[", "}": "{"}
                st = []
                ok = True
                for c in s:
                    if c in pair:
                        if not st or st.pop() != pair[c]:
                            ok = False
                            break
                    else:
                        st.append(c)
                print("YES" if ok and not st else "NO")
                """),
            py("""
                import sys
                def balanced(s):
                    stack = []
                    for c in s:
                        i = "([{)]}".index(c)
                        if i < 3:
                            stack.append(i)
                        elif not stack or stack.pop() != i - 3:
                            return False
                    return not stack
                tokens = sys.stdin.read().split()[$first:]
                print("\\n".join("YES" if balanced(s) else "NO" for s in tokens))
                """, first=1 if p["multi"] else 0),
            cpp_std("""
                string s;
                cin >> s;
                stack<char> st;
                bool ok = true;
                for (char c : s) {
                    if (c == '(' || c == '[' || c == '{') st.push(c);
                    else if (st.empty() || st.top() != (c == ')' ? '(' : c == ']' ? '[' : '{')) { ok = false; break; }
                    else st.pop();
                }
                cout << (ok && st.empty() ? "YES" : "NO") << "\\n";
                """, multi=p["multi"], fast=True),
            cpp("""
                #include <cstdio>
                char s[200005], st[200005];
                int main() {
                    $loop
                        scanf("%s", s);
                        int top = 0;
                        bool ok = true;
                        for (int i = 0; s[i] && ok; i++) {
                            char c = s[i];
                            if (c == '(' || c == '[' || c == '{') st[top++] = c;
                            else if (top > 0 && st[top - 1] == (c == ')' ? '(' : c - 2)) top--;
                            else ok = false;
                        }
                        puts(ok && top == 0 ? "YES" : "NO");
                    }
                    return 0;
                }
                """, loop=cpp_loop(p["multi"], scanf=True)),
        ]  # fmt: skip

    def wrong_solutions(self, p: Params) -> list[Code]:
        wrong = [
            # Only the numbers of opening and closing brackets of each type are compared.
            per_case_py(p["multi"], """
                s = input().strip()
                ok = all(s.count(a) == s.count(b) for a, b in ("()", "[]", "{}"))
                print("YES" if ok else "NO")
                """, "wrong formula"),
            # The stack is never checked for leftovers at the end.
            cpp_std("""
                string s;
                cin >> s;
                string st;
                bool ok = true;
                for (char c : s) {
                    if (c == '(' || c == '[' || c == '{') st.push_back(c);
                    else if (st.empty() || st.back() != (c == ')' ? '(' : c - 2)) ok = false;
                    else st.pop_back();
                }
                cout << (ok ? "YES" : "NO") << endl;
                """, "missed edge case", multi=p["multi"]),
        ]  # fmt: skip
        if p["three"]:
            wrong.append(per_case_py(p["multi"], """
                bal = 0
                for c in input().strip():
                    bal += 1 if c in "([{" else -1
                    if bal < 0:
                        break
                print("YES" if bal == 0 else "NO")
                """, "wrong formula"))  # fmt: skip
        return wrong


FAMILIES: list[Family] = [LongestEqualRun(), BalancedBrackets()]
