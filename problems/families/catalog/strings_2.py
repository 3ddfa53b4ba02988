"""Families about transforming a string letter by letter or run by run: shifts, run-length encoding, anagrams
(tags: strings, implementation). The shared helpers (one test or many, input and output sections) are in strings.py."""

from __future__ import annotations

import random
from collections import Counter

from problems.families import text
from problems.families.base import Code, Family, Kind, Params, Statement, cpp, py
from problems.families.catalog.strings import (LETTERS, case_lines, case_sizes, cases_input, cpp_loop, cpp_std,
                                               input_section, length_bound, output_section, per_case_py,
                                               yes_no_output)


class CaesarCipher(Family):
    """Shift every letter by k places around the alphabet, forward (encode) or backward (decode), k up to 10^9.
    Switches: the direction, k before or after the string."""

    name = "caesar_cipher"
    tags = ("strings", "implementation")
    rating = 800

    def draw(self, rng: random.Random) -> Params:
        return {"decode": rng.random() < 0.5, "k_first": rng.random() < 0.5, "multi": False,
                "n_max": rng.choice((100, 1000, 10**5)), "k_max": rng.choice((25, 1000, 10**9))}  # fmt: skip

    def statement(self, p: Params, rng: random.Random) -> Statement:
        hero, friend = text.name(rng), text.name(rng)
        legend = text.pick(rng, (
            (f"{hero} sends secret notes to {friend}. To encrypt a note, every letter is replaced by the letter k "
             f"positions later in the alphabet, cyclically (after \"z\" comes \"a\" again). {friend} received the "
             "encrypted note s. Recover the original note.") if p["decode"] else
            (f"{hero} sends secret notes to {friend}. To encrypt a note, every letter is replaced by the letter k "
             "positions later in the alphabet, cyclically (after \"z\" comes \"a\" again). Encrypt the note s."),
            (f"The spies of {text.place(rng)} move every letter of a message k positions "
             f"{'back' if p['decode'] else 'forward'} in the alphabet, going around the end (\"a\" follows \"z\", "
             "\"z\" precedes \"a\"). Apply this to the message s."),
            (f"You are given a string s of lowercase Latin letters and an integer k. Replace every letter with the "
             f"letter k positions {'before' if p['decode'] else 'after'} it in the cyclic alphabet a, b, …, z, a, b, "
             "… and print the result."),
        ))  # fmt: skip
        k_line = f"{text.integer(rng, 'k')} ({text.bounds(rng, 'k', 0, p['k_max'])})."
        s_line = f"the string s ({length_bound(p, rng)}) consisting of lowercase Latin letters."
        lines = [k_line, s_line] if p["k_first"] else [s_line, k_line]
        out = output_section(p, rng, "the resulting string." if rng.random() < 0.5 else "one line — the answer.")
        return Statement(legend, input_section(p, rng, lines), out)

    def make_input(self, p: Params, rng: random.Random, kind: Kind) -> str:
        n = case_sizes(rng, kind, p["n_max"])
        k = rng.randint(0, p["k_max"]) if kind != "example" else rng.randint(1, min(5, p["k_max"]))
        s = [rng.choice(LETTERS) for _ in range(n)]
        if kind == "edge":
            k = rng.choice((0, p["k_max"], 25, 26 if p["k_max"] >= 26 else 1))
            s = list(rng.choice(("z" * n, "a" * n, (LETTERS * n)[:n])))
        elif kind != "example":  # both ends of the alphabet: the wrap shows in either direction
            s[rng.randrange(n)], s[rng.randrange(n)] = "a", "z"
        s = "".join(s)
        return f"{k}\n{s}\n" if p["k_first"] else f"{s}\n{k}\n"

    def answer(self, p: Params, given: str) -> str:
        a, b = given.split()
        k, s = (int(a), b) if p["k_first"] else (int(b), a)
        shift = -k if p["decode"] else k
        return "".join(LETTERS[(LETTERS.index(c) + shift) % 26] for c in s) + "\n"

    def _read_py(self, p: Params) -> str:
        return "k = int(input())\ns = input().strip()" if p["k_first"] else "s = input().strip()\nk = int(input())"

    def solutions(self, p: Params) -> list[Code]:
        sign = "-" if p["decode"] else "+"
        read_c = "cin >> k >> s;" if p["k_first"] else "cin >> s >> k;"
        return [
            py("""
                $read
                print("".join(chr((ord(c) - 97 $sign k) % 26 + 97) for c in s))
                """, read=self._read_py(p), sign=sign),
            py("""
                import sys
                from string import ascii_lowercase as abc
                a, b = sys.stdin.read().split()
                $assign
                shift = $shift % 26
                table = str.maketrans(abc, abc[shift:] + abc[:shift])
                print(s.translate(table))
                """, assign="k, s = int(a), b" if p["k_first"] else "s, k = a, int(b)",
                shift="-k" if p["decode"] else "k"),
            cpp_std("""
                long long k;
                string s;
                $read
                int d = ((${sign}k) % 26 + 26) % 26;
                for (char &c : s) c = 'a' + (c - 'a' + d) % 26;
                cout << s << endl;
                """, read=read_c, sign=sign),
            cpp("""
                #include <cstdio>
                #include <cstring>
                char s[200005];
                int main() {
                    int k;
                    $read
                    k %= 26;
                    for (int i = 0; s[i]; i++) {
                        int x = s[i] - 'a' $sign k;
                        if (x >= 26) x -= 26;
                        if (x < 0) x += 26;
                        s[i] = 'a' + x;
                    }
                    puts(s);
                    return 0;
                }
                """, read='scanf("%d %s", &k, s);' if p["k_first"] else 'scanf("%s %d", s, &k);', sign=sign),
        ]  # fmt: skip

    def wrong_solutions(self, p: Params) -> list[Code]:
        sign = "-" if p["decode"] else "+"
        read_c = "cin >> k >> s;" if p["k_first"] else "cin >> s >> k;"
        # Decoding: C++ % keeps the sign, a negative remainder; encoding: a char past 127 wraps to negative.
        shift_c = ("c = 'a' + (c - 'a' - k) % 26;" if p["decode"] else
                   "c = c + k % 26; if (c > 'z') c -= 26;")  # fmt: skip
        return [
            py("""
                $read
                print("".join(chr(ord(c) $sign k) for c in s))
                """, "missed edge case", read=self._read_py(p), sign=sign),
            py("""
                $read
                print("".join(chr((ord(c) - 97 $sign k) % 26 + 97) for c in s))
                """, "wrong operator", read=self._read_py(p), sign="+" if p["decode"] else "-"),
            cpp_std("""
                int k;
                string s;
                $read
                for (char &c : s) { $shift }
                cout << s << endl;
                """, "missed edge case" if p["decode"] else "overflow", read=read_c, shift=shift_c),
        ]  # fmt: skip


class RunLengthEncoding(Family):
    """Run-length encoding: aaabcc becomes a3b1c2. Switches: the format (letter then count, count then letter, or
    the count omitted when it is 1), one test or many."""

    name = "run_length_encoding"
    tags = ("strings", "implementation")
    rating = 900

    FORMATS = {"letter_count": ("a3b1c2", "the letter followed by the length of the block"),
               "count_letter": ("3a1b2c", "the length of the block followed by the letter"),
               "omit_one": ("a3bc2", "the letter followed by the length of the block, where the length is omitted "
                            "when it equals 1")}  # fmt: skip

    def draw(self, rng: random.Random) -> Params:
        return {"multi": rng.random() < 0.4, "fmt": rng.choice(list(self.FORMATS)),
                "n_max": rng.choice((100, 1000, 10**5, 2 * 10**5)), "t_max": rng.choice((100, 1000))}  # fmt: skip

    def statement(self, p: Params, rng: random.Random) -> Statement:
        hero = text.name(rng)
        example, how = self.FORMATS[p["fmt"]]
        legend = text.pick(rng, (
            f"{hero} wants to save disk space in {text.place(rng)} and compresses every text as follows: each maximal "
            f"block of equal consecutive letters is written as {how}.",
            f"A telegraph operator, {hero}, is paid per character, so long messages are shortened: every maximal "
            f"block of consecutive equal letters is replaced by {how}.",
            f"You are given a string s. Split it into maximal blocks of equal consecutive letters and replace each "
            f"block by {how}.",
        ))  # fmt: skip
        legend += f" For example, the string \"aaabcc\" becomes \"{example}\"."
        line = f"a string s ({length_bound(p, rng)}) consisting of lowercase Latin letters."
        what = text.pick(rng, ("the compressed string.", "the encoding of s.", "one line — the result."))
        return Statement(legend, input_section(p, rng, [line]), output_section(p, rng, what))

    def _case(self, rng: random.Random, kind: Kind, limit: int) -> str:
        n = case_sizes(rng, kind, limit)
        alpha = rng.choice(("ab", "abc", "xyz", LETTERS))
        s: list[str] = []
        while len(s) < n:  # blocks of 1-3 letters, and of 10+ (two-digit lengths) now and then
            run = rng.choice((1, 1, 2, 3, rng.randint(10, 15), rng.randint(1, max(1, n // 3))))
            c = rng.choice([a for a in alpha if not s or a != s[-1]])
            s += [c] * run
        if kind == "edge":
            s = list(rng.choice(("z" * n, "ab" * n, "a" * (n - 1) + "b")))
        return "".join(s[:n])

    def make_input(self, p: Params, rng: random.Random, kind: Kind) -> str:
        return cases_input(p, rng, kind, lambda k, limit: self._case(rng, k, limit))

    def _block(self, p: Params, c: str, k: int) -> str:
        return {"letter_count": f"{c}{k}", "count_letter": f"{k}{c}", "omit_one": c + (str(k) if k > 1 else "")}[p["fmt"]]

    def answer(self, p: Params, given: str) -> str:
        out = []
        for (s,) in case_lines(p, given, 1):
            blocks, i = [], 0
            while i < len(s):
                j = i
                while j < len(s) and s[j] == s[i]:
                    j += 1
                blocks.append(self._block(p, s[i], j - i))
                i = j
            out.append("".join(blocks))
        return "\n".join(out) + "\n"

    def _py_block(self, p: Params, c: str, k: str) -> str:
        return {"letter_count": f'f"{{{c}}}{{{k}}}"', "count_letter": f'f"{{{k}}}{{{c}}}"',
                "omit_one": f'{c} + (str({k}) if {k} > 1 else "")'}[p["fmt"]]  # fmt: skip

    def _cpp_block(self, p: Params, c: str, k: str) -> str:
        return {"letter_count": f"{c} + to_string({k})", "count_letter": f"to_string({k}) + {c}",
                "omit_one": f'{c} + ({k} > 1 ? to_string({k}) : string())'}[p["fmt"]]  # fmt: skip

    def solutions(self, p: Params) -> list[Code]:
        printf = {"letter_count": 'printf("%c%d", s[i], j - i);', "count_letter": 'printf("%d%c", j - i, s[i]);',
                  "omit_one": 'if (j - i > 1) printf("%c%d", s[i], j - i); else putchar(s[i]);'}[p["fmt"]]  # fmt: skip
        return [
            per_case_py(p["multi"], """
                from itertools import groupby
                s = input().strip()
                print("".join($block for ch, k in ((c, len(list(g))) for c, g in groupby(s))))
                """, block=self._py_block(p, "ch", "k")),
            per_case_py(p["multi"], """
                s = input().strip()
                parts = []
                i = 0
                while i < len(s):
                    j = i
                    while j < len(s) and s[j] == s[i]:
                        j += 1
                    c, k = s[i], j - i
                    parts.append($block)
                    i = j
                print("".join(parts))
                """, block=self._py_block(p, "c", "k")),
            cpp_std("""
                string s, res;
                cin >> s;
                int n = s.size();
                for (int i = 0; i < n;) {
                    int j = i;
                    while (j < n && s[j] == s[i]) j++;
                    res += $block;
                    i = j;
                }
                cout << res << "\\n";
                """, block=self._cpp_block(p, "s[i]", "(j - i)"), multi=p["multi"], fast=True),
            cpp("""
                #include <cstdio>
                #include <cstring>
                char s[200005];
                int main() {
                    $loop
                        scanf("%s", s);
                        int n = strlen(s);
                        for (int i = 0, j; i < n; i = j) {
                            for (j = i; j < n && s[j] == s[i]; j++) {}
                            $printf
                        }
                        putchar('\\n');
                    }
                    return 0;
                }
                """, loop=cpp_loop(p["multi"], scanf=True), printf=printf),
        ]  # fmt: skip

    def wrong_solutions(self, p: Params) -> list[Code]:
        return [
            # Emits a block when the letter changes, and never the last block.
            per_case_py(p["multi"], """
                s = input().strip()
                out = ""
                k = 1
                for i in range(1, len(s)):
                    if s[i] == s[i - 1]:
                        k += 1
                    else:
                        c = s[i - 1]
                        out += $block
                        k = 1
                print(out)
                """, "missed edge case", block=self._py_block(p, "c", "k")),
            per_case_py(p["multi"], """
                from collections import Counter
                s = input().strip()
                print("".join($block for c, k in Counter(s).items()))
                """, "wrong formula", block=self._py_block(p, "c", "k")),
            cpp_std("""
                string s, res;
                cin >> s;
                int n = s.size();
                for (int i = 0; i < n;) {
                    int j = i;
                    while (j < n && s[j] == s[i]) j++;
                    char d = '0' + (j - i);
                    $append
                    i = j;
                }
                cout << res << endl;
                """, "wrong output format", multi=p["multi"],
                append={"letter_count": "res += s[i]; res += d;", "count_letter": "res += d; res += s[i];",
                        "omit_one": "res += s[i]; if (d > '1') res += d;"}[p["fmt"]]),
            cpp_std("""
                string s, res;
                cin >> s;
                int n = s.size();
                for (int i = 0; i < n; i++) {
                    int j = i;
                    while (j + 1 < n && s[j + 1] == s[i]) j++;
                    res += $block;
                    i = j;
                }
                cout << res << endl;
                """, "off by one", block=self._cpp_block(p, "s[i]", "(j - i)"), multi=p["multi"]),
        ]  # fmt: skip


class AnagramCheck(Family):
    """Are two strings anagrams (the same letters with the same multiplicities)? Switches: the two strings on one
    line or on two, one test or many."""

    name = "anagram_check"
    tags = ("strings", "sortings", "implementation")
    rating = 800
    # One pair per test when there is one test case: more tests, so that each kind of near-anagram shows up.
    tests = {"small": 8, "edge": 4, "large": 1}

    def draw(self, rng: random.Random) -> Params:
        return {"multi": rng.random() < 0.5, "one_line": rng.random() < 0.4,
                "n_max": rng.choice((100, 1000, 10**5)), "t_max": rng.choice((100, 1000))}  # fmt: skip

    def statement(self, p: Params, rng: random.Random) -> Statement:
        hero, friend = text.name(rng), text.name(rng)
        legend = text.pick(rng, (
            f"{hero} and {friend} play with letter tiles. {hero} laid out the word s, and {friend} claims that the "
            "same tiles, rearranged, spell the word t. Is that possible?",
            f"The librarian of {text.place(rng)} suspects that the title t is just the title s with its letters "
            "shuffled. Check whether t can be obtained from s by reordering its letters.",
            "Two strings are anagrams if one can be obtained from the other by rearranging its letters (each letter "
            "is used exactly as many times as it occurs). You are given strings s and t. Are they anagrams?",
        ))  # fmt: skip
        bound = f"{text.bounds(rng, '|s|, |t|', 1, p['n_max'])}"
        if p["one_line"]:
            lines = [f"two strings s and t separated by a space ({bound}), consisting of lowercase Latin letters."]
        else:
            lines = [f"the string s ({bound}) of lowercase Latin letters.", "the string t of lowercase Latin letters."]
        inp = input_section(p, rng, lines, size="|s| + |t|")
        return Statement(legend, inp, yes_no_output(p, rng, "t is an anagram of s"))

    def _pair(self, rng: random.Random, kind: Kind, limit: int) -> tuple[str, str]:
        n = case_sizes(rng, kind, limit, small=20)
        alpha = rng.choice(("ab", "abcd", LETTERS))
        s = [rng.choice(alpha) for _ in range(n)]
        t = s[:]
        rng.shuffle(t)
        roll = rng.random()
        if roll < 0.12 and n > 1:  # the same set of letters, other multiplicities
            t[rng.randrange(n)] = s[0]
        elif roll < 0.4 and n > 1:  # the same letter sum: a+d against b+c
            s[:2], t[:2] = ["a", "d"], ["b", "c"]
            rng.shuffle(t)
        elif roll < 0.5 and n > 1:  # one letter less
            t.pop()
        elif roll < 0.65:  # one letter more, mostly one that s does not have
            t.insert(rng.randint(0, n), rng.choice([c for c in LETTERS if c not in s] or alpha))
        elif roll < 0.72:
            t = [rng.choice(alpha) for _ in range(n)]
        if kind == "edge" and rng.random() < 0.5:
            s, t = rng.choice(((["a"], ["a"]), (["a"], ["b"]), (["a"] * n, ["a"] * n), (["a"], ["a", "a"]), (["a", "d"], ["c", "b"]),
                                 (["a"], ["b", "a"])))
        return "".join(s[:limit]), "".join(t[:limit])

    def make_input(self, p: Params, rng: random.Random, kind: Kind) -> str:
        def case(k: Kind, limit: int) -> str:
            s, t = self._pair(rng, k, max(1, limit // 2) if p["multi"] else limit)
            return f"{s} {t}" if p["one_line"] else f"{s}\n{t}"

        return cases_input(p, rng, kind, case)

    def answer(self, p: Params, given: str) -> str:
        words = given.split()[1 if p["multi"] else 0 :]
        pairs = zip(words[0::2], words[1::2])
        return "\n".join("YES" if Counter(s) == Counter(t) else "NO" for s, t in pairs) + "\n"

    def _py_test(self, p: Params, test: str, mistake: str = "") -> Code:
        """Reads s and t with input() and prints whether `test` holds."""
        read = "s, t = input().split()" if p["one_line"] else "s = input().strip()\nt = input().strip()"
        return per_case_py(p["multi"], '$read\nprint("YES" if $test else "NO")', mistake, read=read, test=test)

    def solutions(self, p: Params) -> list[Code]:
        return [
            self._py_test(p, "sorted(s) == sorted(t)"),
            py("""
                import sys
                from collections import Counter
                w = sys.stdin.read().split()[$first:]
                ans = ["YES" if Counter(w[i]) == Counter(w[i + 1]) else "NO" for i in range(0, len(w), 2)]
                sys.stdout.write("\\n".join(ans) + "\\n")
                """, first=1 if p["multi"] else 0),
            cpp_std("""
                string s, t;
                cin >> s >> t;
                sort(s.begin(), s.end());
                sort(t.begin(), t.end());
                cout << (s == t ? "YES" : "NO") << '\\n';
                """, multi=p["multi"]),
            cpp("""
                #include <cstdio>
                static char a[200005], b[200005];
                int main() {
                    $loop
                        scanf("%s %s", a, b);
                        int d[26] = {0};
                        for (int i = 0; a[i]; i++) d[a[i] - 'a']++;
                        for (int i = 0; b[i]; i++) d[b[i] - 'a']--;
                        bool ok = true;
                        for (int c = 0; c < 26; c++) if (d[c] != 0) ok = false;
                        printf("%s\\n", ok ? "YES" : "NO");
                    }
                }
                """, loop=cpp_loop(p["multi"], scanf=True)),
        ]  # fmt: skip

    def wrong_solutions(self, p: Params) -> list[Code]:
        return [
            self._py_test(p, "set(s) == set(t)", "wrong formula"),
            cpp_std("""
                string s, t;
                cin >> s >> t;
                long long a = 0, b = 0;
                for (char c : s) a += c;
                for (char c : t) b += c;
                cout << (a == b && s.size() == t.size() ? "YES" : "NO") << endl;
                """, "wrong formula", multi=p["multi"]),
            # Only the letters of s are checked: an extra letter in t goes unnoticed.
            cpp_std("""
                string s, t;
                cin >> s >> t;
                map<char, int> cnt;
                for (char c : s) cnt[c]++;
                for (char c : t) cnt[c]--;
                bool ok = true;
                for (char c : s) if (cnt[c] != 0) ok = false;
                cout << (ok ? "YES" : "NO") << endl;
                """, "missed edge case", multi=p["multi"]),
        ]  # fmt: skip


FAMILIES: list[Family] = [CaesarCipher(), RunLengthEncoding(), AnagramCheck()]
