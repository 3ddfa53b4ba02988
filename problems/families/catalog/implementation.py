"""Families where the work is following the rules exactly: moves on a grid, a clock that wraps around, the colors
of a chessboard (tags: implementation, math). The one-test-or-many helpers are those of strings.py."""

from __future__ import annotations

import random

from problems.families import text
from problems.families.base import Code, Family, Kind, Params, Statement, cpp, py
from problems.families.catalog.strings import (case_lines, case_sizes, cases_input, cpp_loop, cpp_std, input_section,
                                               length_bound, output_section, per_case_py)


class RobotFinalPosition(Family):
    """A robot starts at (0, 0) and follows moves L, R, U, D. Switches: print where it ends or its Manhattan distance
    from the start; the length n given before the moves or not; one test or many."""

    name = "robot_final_position"
    tags = ("implementation",)
    rating = 800

    def draw(self, rng: random.Random) -> Params:
        return {"multi": rng.random() < 0.4, "distance": rng.random() < 0.5, "with_n": rng.random() < 0.5,
                "n_max": rng.choice((100, 1000, 10**5, 2 * 10**5)), "t_max": rng.choice((100, 1000))}  # fmt: skip

    def statement(self, p: Params, rng: random.Random) -> Statement:
        hero = text.name(rng)
        legend = text.pick(rng, (
            f"{hero} programs a robot vacuum cleaner in {text.place(rng)}. The robot starts at the point (0, 0) and "
            "executes the commands of the string s one by one.",
            f"{hero} walks around a city whose streets form a square grid, starting at the crossing (0, 0). The "
            f"string s lists {hero}'s moves in order.",
            "A point starts at (0, 0) on the plane and moves according to the string s, one character per step.",
        ))  # fmt: skip
        rules = ("The command L moves from (x, y) to (x - 1, y), R to (x + 1, y), U to (x, y + 1) and D to "
                 "(x, y - 1).")
        lines = [f"a string s ({length_bound(p, rng)}) consisting of the characters L, R, U and D."]
        if p["with_n"]:
            lines = [f"{text.integer(rng, 'n')} ({length_bound(p, rng, 'n')}) — the number of moves.",
                     "a string s of length n consisting of the characters L, R, U and D."]
        what = (f"{text.single_integer(rng)} — the Manhattan distance |x| + |y| from the start to the final point "
                "(x, y)." if p["distance"] else "two integers x and y — the coordinates of the final point.")  # fmt: skip
        inp = input_section(p, rng, lines, size="n" if p["with_n"] else "|s|")
        return Statement(f"{legend} {rules}", inp, output_section(p, rng, what))

    def _case(self, p: Params, rng: random.Random, kind: Kind, limit: int) -> str:
        n = case_sizes(rng, kind, limit)
        weights = [rng.random() for _ in range(4)]  # a drift, often into a quadrant where x and y differ in sign
        s = "".join(rng.choices("LRUD", weights, k=n))
        if kind == "edge":
            s = rng.choice(("L" * n, "D" * n, ("LU" * n)[:n], ("RD" * n)[:n], ("LR" * n)[:n]))
        return f"{len(s)}\n{s}" if p["with_n"] else s

    def make_input(self, p: Params, rng: random.Random, kind: Kind) -> str:
        return cases_input(p, rng, kind, lambda k, limit: self._case(p, rng, k, limit))

    def answer(self, p: Params, given: str) -> str:
        out = []
        for lines in case_lines(p, given, 2 if p["with_n"] else 1):
            s = lines[-1]
            x, y = s.count("R") - s.count("L"), s.count("U") - s.count("D")
            out.append(str(abs(x) + abs(y)) if p["distance"] else f"{x} {y}")
        return "\n".join(out) + "\n"

    def solutions(self, p: Params) -> list[Code]:
        skip = "input()\n" if p["with_n"] else ""
        return [
            per_case_py(p["multi"], """
                ${skip}s = input().strip()
                x = s.count("R") - s.count("L")
                y = s.count("U") - s.count("D")
                print($out)
                """, skip=skip, out="abs(x) + abs(y)" if p["distance"] else "x, y"),
            per_case_py(p["multi"], """
                ${skip}step = {"L": (-1, 0), "R": (1, 0), "U": (0, 1), "D": (0, -1)}
                x = y = 0
                for c in input().strip():
                    dx, dy = step[c]
                    x += dx
                    y += dy
                print($out)
                """, skip=skip, out="abs(x) + abs(y)" if p["distance"] else 'f"{x} {y}"'),
            cpp_std("""
                ${read}string s;
                cin >> s;
                long long x = 0, y = 0;
                for (char c : s) {
                    if (c == 'L') x--;
                    else if (c == 'R') x++;
                    else if (c == 'U') y++;
                    else y--;
                }
                cout << $out << "\\n";
                """, multi=p["multi"], fast=True, read="int n;\ncin >> n;\n" if p["with_n"] else "",
                out="llabs(x) + llabs(y)" if p["distance"] else 'x << " " << y'),
            cpp("""
                #include <cstdio>
                #include <cstdlib>
                char s[200005];
                int main() {
                    $loop
                        $read
                        int cnt[128] = {0};
                        for (int i = 0; s[i]; i++) cnt[(int)s[i]]++;
                        int x = cnt['R'] - cnt['L'], y = cnt['U'] - cnt['D'];
                        $print
                    }
                    return 0;
                }
                """, loop=cpp_loop(p["multi"], scanf=True),
                read='int n; scanf("%d %s", &n, s);' if p["with_n"] else 'scanf("%s", s);',
                print='printf("%d\\n", abs(x) + abs(y));' if p["distance"] else 'printf("%d %d\\n", x, y);'),
        ]  # fmt: skip

    def wrong_solutions(self, p: Params) -> list[Code]:
        skip = "input()\n" if p["with_n"] else ""
        wrong = [
            cpp_std("""
                ${read}string s;
                cin >> s;
                int x = 0, y = 0;
                for (int i = 1; i < (int)s.size(); i++) {
                    if (s[i] == 'L') x--;
                    if (s[i] == 'R') x++;
                    if (s[i] == 'U') y++;
                    if (s[i] == 'D') y--;
                }
                cout << $out << endl;
                """, "off by one", multi=p["multi"], read="int n;\ncin >> n;\n" if p["with_n"] else "",
                out="abs(x) + abs(y)" if p["distance"] else 'x << " " << y'),
        ]  # fmt: skip
        if p["distance"]:
            wrong += [per_case_py(p["multi"], """
                ${skip}s = input().strip()
                x = s.count("R") - s.count("L")
                y = s.count("U") - s.count("D")
                print($out)
                """, mistake, skip=skip, out=out) for out, mistake in (("abs(x + y)", "wrong formula"),
                                                                        ("max(abs(x), abs(y))", "wrong formula"))]  # fmt: skip
        else:
            wrong += [per_case_py(p["multi"], """
                ${skip}s = input().strip()
                x = s.count("R") - s.count("L")
                y = s.count("D") - s.count("U")
                print(x, y)
                """, "wrong operator", skip=skip),
                per_case_py(p["multi"], """
                ${skip}s = input().strip()
                print((s.count("R") - s.count("L"), s.count("U") - s.count("D")))
                """, "wrong output format", skip=skip)]  # fmt: skip
        return wrong


class ClockAfterMinutes(Family):
    """A 24-hour clock shows hh:mm; what does it show m minutes later (or earlier)? m up to 10^9. Switches: later
    or earlier, the time and m on one line or two, one test or many."""

    name = "clock_after_minutes"
    tags = ("implementation", "math")
    rating = 900

    def draw(self, rng: random.Random) -> Params:
        return {"multi": rng.random() < 0.4, "before": rng.random() < 0.4, "one_line": rng.random() < 0.5,
                "m_max": rng.choice((1440, 10**4, 10**6, 10**9)), "t_max": rng.choice((100, 1000, 10**4)),
                "n_max": 1}  # fmt: skip

    def statement(self, p: Params, rng: random.Random) -> Statement:
        hero = text.name(rng)
        when = "m minutes ago" if p["before"] else "in m minutes"
        legend = text.pick(rng, (
            f"{hero} looks at the electronic clock on the wall of the railway station of {text.place(rng)}: it shows "
            f"hh:mm. What did it show {when}?" if p["before"] else
            f"{hero} looks at the electronic clock on the wall of the railway station of {text.place(rng)}: it shows "
            f"hh:mm. What will it show {when}?",
            f"{hero} set an alarm clock and fell asleep at hh:mm. The alarm rang exactly m minutes later. What time "
            "did the alarm clock show when it rang?" if not p["before"] else
            f"{hero} woke up at hh:mm after sleeping for exactly m minutes. At what time did {hero} fall asleep?",
            f"A clock uses the 24-hour format, from 00:00 to 23:59; after 23:59 comes 00:00. It shows the time hh:mm. "
            f"Find the time it showed {when}." if p["before"] else
            f"A clock uses the 24-hour format, from 00:00 to 23:59; after 23:59 comes 00:00. It shows the time hh:mm. "
            f"Find the time it will show {when}.",
        ))  # fmt: skip
        clock = "the time hh:mm, in this format (00 ≤ hh ≤ 23, 00 ≤ mm ≤ 59, always two digits each)"
        minutes = f"{text.integer(rng, 'm')} ({text.bounds(rng, 'm', 0, p['m_max'])})"
        lines = ([f"{clock} and {minutes}, separated by a space."] if p["one_line"] else
                 [f"{clock}.", f"{minutes}."])  # fmt: skip
        what = "the time in the same format hh:mm (with leading zeros)."
        note = "The clock uses the 24-hour format: after 23:59 comes 00:00." if rng.random() < 0.5 else ""
        return Statement(legend, input_section(p, rng, lines, size=None), output_section(p, rng, what), note)

    def _case(self, p: Params, rng: random.Random, kind: Kind, limit: int) -> str:
        h, mm = rng.randrange(24), rng.randrange(60)
        m = rng.randint(0, p["m_max"]) if kind != "example" else rng.randint(0, min(p["m_max"], 600))
        if kind == "edge":
            h, mm, m = rng.choice(((23, 59, 1), (0, 0, 1), (0, 0, p["m_max"]), (23, 59, p["m_max"]), (12, 0, 1440),
                                   (h, mm, 0), (0, 5, 10), (9, 55, 5)))  # fmt: skip
        sep = " " if p["one_line"] else "\n"
        return f"{h:02d}:{mm:02d}{sep}{m}"

    def make_input(self, p: Params, rng: random.Random, kind: Kind) -> str:
        return cases_input(p, rng, kind, lambda k, limit: self._case(p, rng, k, limit))

    def answer(self, p: Params, given: str) -> str:
        words = given.split()[1 if p["multi"] else 0 :]
        out = []
        for clock, m in zip(words[0::2], words[1::2]):
            h, mm = map(int, clock.split(":"))
            total = (h * 60 + mm + (-1 if p["before"] else 1) * int(m)) % 1440
            out.append(f"{total // 60:02d}:{total % 60:02d}")
        return "\n".join(out) + "\n"

    def _read_sign(self, p: Params) -> tuple[str, str]:
        """How a Python program reads the time c and m, and the sign m is added with."""
        read = "c, m = input().split()" if p["one_line"] else "c = input().strip()\nm = input()"
        return read, "-" if p["before"] else "+"

    def solutions(self, p: Params) -> list[Code]:
        read, sign = self._read_sign(p)
        return [
            per_case_py(p["multi"], """
                $read
                h, mm = map(int, c.split(":"))
                t = (h * 60 + mm $sign int(m)) % (24 * 60)
                print("%02d:%02d" % divmod(t, 60))
                """, read=read, sign=sign),
            py("""
                import sys
                w = sys.stdin.read().split()[$first:]
                res = []
                for i in range(0, len(w), 2):
                    t = int(w[i][:2]) * 60 + int(w[i][3:])
                    t = (t $sign int(w[i + 1])) % 1440
                    res.append(f"{t // 60:02d}:{t % 60:02d}")
                print("\\n".join(res))
                """, first=1 if p["multi"] else 0, sign=sign),
            cpp("""
                #include <cstdio>
                int main() {
                    $loop
                        int h, mm;
                        long long m;
                        scanf("%d:%d %lld", &h, &mm, &m);
                        long long t = ((h * 60 + mm $sign m) % 1440 + 1440) % 1440;
                        printf("%02lld:%02lld\\n", t / 60, t % 60);
                    }
                    return 0;
                }
                """, loop=cpp_loop(p["multi"], scanf=True), sign=sign),
            cpp_std("""
                int h, mm, m;
                char colon;
                cin >> h >> colon >> mm >> m;
                int t = h * 60 + mm;
                $shift
                cout << setw(2) << setfill('0') << t / 60 << ':' << setw(2) << t % 60 << '\\n';
                """, multi=p["multi"],
                shift="t = ((t - m) % 1440 + 1440) % 1440;" if p["before"] else "t = (t + m) % 1440;"),
        ]  # fmt: skip

    def wrong_solutions(self, p: Params) -> list[Code]:
        read, sign = self._read_sign(p)
        return [
            per_case_py(p["multi"], """
                $read
                h, mm = map(int, c.split(":"))
                t = (h * 60 + mm $sign int(m)) % 1440
                print(f"{t // 60}:{t % 60}")
                """, "wrong output format", read=read, sign=sign),
            # The minutes wrap around, but their carry never reaches the hours.
            per_case_py(p["multi"], """
                $read
                h, mm = map(int, c.split(":"))
                m = int(m)
                print("%02d:%02d" % ((h $sign m // 60) % 24, (mm $sign m) % 60))
                """, "wrong formula", read=read, sign=sign),
            # Earlier: C++ % keeps the sign of a negative time; later: the day never wraps.
            cpp_std("""
                int h, mm, m;
                char colon;
                cin >> h >> colon >> mm >> m;
                int t = $t;
                printf("%02d:%02d\\n", t / 60, t % 60);
                """, "missed edge case", multi=p["multi"],
                t="(h * 60 + mm - m) % 1440" if p["before"] else "h * 60 + mm + m % 1440"),
        ]  # fmt: skip


class ChessboardCells(Family):
    """How many cells of an n x m chessboard (n, m up to 10^9) are black, given the color of the corner (1, 1).
    Switches: the corner's color, the color counted, one test or many."""

    name = "chessboard_cells"
    tags = ("math", "implementation")
    rating = 800

    def draw(self, rng: random.Random) -> Params:
        return {"multi": rng.random() < 0.5, "corner_black": rng.random() < 0.5, "count_black": rng.random() < 0.6,
                "v_max": rng.choice((10**5, 10**6, 10**9)), "t_max": rng.choice((100, 1000, 10**4)),
                "n_max": 1}  # fmt: skip

    def _same(self, p: Params) -> bool:
        # The counted color is the corner's: the larger half, ceil(n m / 2).
        return p["corner_black"] == p["count_black"]

    def statement(self, p: Params, rng: random.Random) -> Statement:
        hero = text.name(rng)
        corner, other = ("black", "white") if p["corner_black"] else ("white", "black")
        counted = "black" if p["count_black"] else "white"
        legend = text.pick(rng, (
            f"The main square of {text.place(rng)} is paved with n x m square tiles forming n rows and m columns, "
            f"colored like a chessboard. {hero} wants to know how many tiles are {counted}.",
            f"{hero} draws an n x m table and colors its cells like a chessboard. How many {counted} cells are there?",
            f"Consider a rectangular board of n rows and m columns colored in a chessboard pattern. Count its "
            f"{counted} cells.",
        ))  # fmt: skip
        rule = (f"The cell in the first row and the first column is {corner}; cells that share a side always have "
                f"different colors (so the neighbours of a {corner} cell are {other}).")
        line = (f"{text.integers(rng, ['n', 'm'])} ({text.bounds(rng, 'n', 1, p['v_max'])}, "
                f"{text.bounds(rng, 'm', 1, p['v_max'])}).")  # fmt: skip
        what = f"{text.single_integer(rng)} — the number of {counted} cells."
        return Statement(f"{legend} {rule}", input_section(p, rng, [line], size=None), output_section(p, rng, what))

    def _case(self, p: Params, rng: random.Random, kind: Kind, limit: int) -> str:
        top = {"example": 9, "small": 100, "edge": p["v_max"], "large": p["v_max"]}[kind]
        n, m = rng.randint(1, top), rng.randint(1, top)
        if kind == "large":
            n, m = top - rng.randint(0, 3), top - rng.randint(0, 3)  # both odd now and then
        if kind == "edge":
            n, m = rng.choice(((1, 1), (top, top), (top - 1, top - 1), (1, top), (top, 1), (3, 3), (2, 2)))
        return f"{n} {m}"

    def make_input(self, p: Params, rng: random.Random, kind: Kind) -> str:
        return cases_input(p, rng, kind, lambda k, limit: self._case(p, rng, k, limit))

    def answer(self, p: Params, given: str) -> str:
        nums = list(map(int, given.split()))[1 if p["multi"] else 0 :]
        cells = [a * b for a, b in zip(nums[0::2], nums[1::2])]
        return "\n".join(str((c + 1) // 2 if self._same(p) else c // 2) for c in cells) + "\n"

    def solutions(self, p: Params) -> list[Code]:
        half = "(n * m + 1) / 2" if self._same(p) else "n * m / 2"
        return [
            per_case_py(p["multi"], """
                n, m = map(int, input().split())
                print($half)
                """, half=half.replace("/", "//")),
            per_case_py(p["multi"], """
                n, m = [int(v) for v in input().split()]
                # Rows alternate: odd rows start with the corner's color.
                corner = ((n + 1) // 2) * ((m + 1) // 2) + (n // 2) * (m // 2)
                print($res)
                """, res="corner" if self._same(p) else "n * m - corner"),
            cpp_std("""
                long long n, m;
                cin >> n >> m;
                cout << $half << "\\n";
                """, multi=p["multi"], half=half),
            cpp("""
                #include <cstdio>
                int main() {
                    $loop
                        unsigned long long n, m;
                        scanf("%llu %llu", &n, &m);
                        unsigned long long cells = n * m;
                        printf("%llu\\n", cells / 2 + $odd);
                    }
                    return 0;
                }
                """, loop=cpp_loop(p["multi"], scanf=True), odd="cells % 2" if self._same(p) else "0"),
        ]  # fmt: skip

    def wrong_solutions(self, p: Params) -> list[Code]:
        return [
            cpp_std("""
                int n, m;
                cin >> n >> m;
                cout << $half << endl;
                """, "overflow", multi=p["multi"], half="(n * m + 1) / 2" if self._same(p) else "n * m / 2"),
            per_case_py(p["multi"], """
                n, m = map(int, input().split())
                print($half)
                """, "off by one", half="n * m // 2" if self._same(p) else "(n * m + 1) // 2"),
            per_case_py(p["multi"], """
                n, m = map(int, input().split())
                print(((n + 1) // 2) * ((m + 1) // 2))
                """, "wrong formula"),
        ]  # fmt: skip


FAMILIES: list[Family] = [RobotFinalPosition(), ClockAfterMinutes(), ChessboardCells()]
