"""Families on a small grid of characters, where the care goes into the borders (tags: implementation)."""

from __future__ import annotations

import random

from problems.families import text
from problems.families.base import Code, Family, Kind, Params, Statement, cpp, py
from problems.families.catalog.strings import cpp_std

OFFSETS_8 = [(-1, -1), (-1, 0), (-1, 1), (0, -1), (0, 1), (1, -1), (1, 0), (1, 1)]
OFFSETS_4 = [(-1, 0), (1, 0), (0, -1), (0, 1)]


class GridNeighbors(Family):
    """Minesweeper: replace every empty cell by the number of mines around it. Switches: the 8 surrounding cells or
    only the 4 side neighbours; an empty cell with no mine around printed as "0" or left as "."."""

    name = "grid_neighbors"
    tags = ("implementation",)
    rating = 900

    def draw(self, rng: random.Random) -> Params:
        return {"eight": rng.random() < 0.6, "zero_dot": rng.random() < 0.4, "n_max": rng.choice((50, 100, 200))}

    def statement(self, p: Params, rng: random.Random) -> Statement:
        hero = text.name(rng)
        around = ("the (up to 8) cells that share a side or a corner with it" if p["eight"] else
                  "the (up to 4) cells that share a side with it")  # fmt: skip
        legend = text.pick(rng, (
            f"{hero} is writing a Minesweeper game. The field is a table of n rows and m columns; some cells contain "
            "mines (\"*\"), the others are empty (\".\"). The game must show in every empty cell the number of mines "
            f"in {around}.",
            f"The garden of {hero} in {text.place(rng)} is a grid of n x m beds; some beds grow nettles (\"*\"), the "
            f"others are free (\".\"). For every free bed, {hero} wants to know how many nettle beds are among "
            f"{around}.",
            f"You are given a grid of n rows and m columns, each cell is \"*\" or \".\". For every \".\" cell, count "
            f"the \"*\" cells among {around}.",
        ))  # fmt: skip
        inp = (f"{text.first_line(rng)} {text.integers(rng, ['n', 'm'])} ({text.bounds(rng, 'n', 1, p['n_max'])}, "
               f"{text.bounds(rng, 'm', 1, p['n_max'])}).\n\nEach of the next n lines contains m characters, each "
               "\"*\" or \".\".")  # fmt: skip
        zero = ("a cell with no such mines stays \".\"" if p["zero_dot"] else
                "a cell with no such mines gets the digit 0")  # fmt: skip
        out = (f"{text.print_verb(rng)} n lines of m characters: the grid in which every \"*\" stays as it is and "
               f"every \".\" is replaced by the number of mines around it ({zero}).")
        return Statement(legend, inp, out)

    def make_input(self, p: Params, rng: random.Random, kind: Kind) -> str:
        top = {"example": 5, "small": 10, "edge": p["n_max"], "large": p["n_max"]}[kind]
        n, m = rng.randint(1, top), rng.randint(1, top)
        if kind == "large":
            n, m = top - rng.randint(0, 5), top - rng.randint(0, 5)
        if kind == "edge":
            n, m = rng.choice(((1, 1), (1, top), (top, 1), (2, 2), (3, top)))
        density = rng.choice((0.1, 0.3, 0.5, 0.8))
        g = [["*" if rng.random() < density else "." for _ in range(m)] for _ in range(n)]
        if rng.random() < 0.5:  # mines along the last row and column: a wrapping index would see them
            for i in range(n):
                g[i][m - 1] = "*" if rng.random() < 0.7 else g[i][m - 1]
            g[n - 1] = ["*" if rng.random() < 0.7 else c for c in g[n - 1]]
        if kind == "edge" and rng.random() < 0.3:
            g = [[rng.choice("*.")] * m for _ in range(n)]
        return f"{n} {m}\n" + "".join("".join(row) + "\n" for row in g)

    def answer(self, p: Params, given: str) -> str:
        lines = given.split("\n")
        n, m = map(int, lines[0].split())
        g = lines[1 : n + 1]
        offsets = OFFSETS_8 if p["eight"] else OFFSETS_4
        out = []
        for i in range(n):
            row = []
            for j in range(m):
                if g[i][j] == "*":
                    row.append("*")
                    continue
                k = sum(0 <= i + a < n and 0 <= j + b < m and g[i + a][j + b] == "*" for a, b in offsets)
                row.append("." if k == 0 and p["zero_dot"] else str(k))
            out.append("".join(row))
        return "\n".join(out) + "\n"

    def _offsets(self, p: Params, eight: bool | None = None) -> str:
        return str(OFFSETS_8 if (p["eight"] if eight is None else eight) else OFFSETS_4)

    def _python_scan(self, p: Params, zero_dot: bool, check: str, mistake: str = "", eight: bool | None = None) -> Code:
        """The plain double loop; `check` is the bounds test of a neighbour (x, y)."""
        return py("""
            n, m = map(int, input().split())
            g = [input().strip() for _ in range(n)]
            d = $offsets
            for i in range(n):
                row = ""
                for j in range(m):
                    if g[i][j] == "*":
                        row += "*"
                        continue
                    k = 0
                    for dx, dy in d:
                        x, y = i + dx, j + dy
                        if $check and g[x][y] == "*":
                            k += 1
                    row += $cell
                print(row)
            """, mistake, offsets=self._offsets(p, eight), check=check,
            cell='"." if k == 0 else str(k)' if zero_dot else "str(k)")  # fmt: skip

    def _cpp_scan(self, p: Params, zero_dot: bool, mistake: str = "", eight: bool | None = None) -> Code:
        dirs = self._offsets(p, eight).replace("(", "{").replace(")", "}").replace("[", "{").replace("]", "}")
        return cpp_std("""
            int n, m;
            cin >> n >> m;
            vector<string> g(n);
            for (auto &row : g) cin >> row;
            const vector<pair<int, int>> d = $dirs;
            for (int i = 0; i < n; i++) {
                string row = g[i];
                for (int j = 0; j < m; j++) {
                    if (g[i][j] == '*') continue;
                    int k = 0;
                    for (auto [dx, dy] : d) {
                        int x = i + dx, y = j + dy;
                        if (x >= 0 && x < n && y >= 0 && y < m && g[x][y] == '*') k++;
                    }
                    row[j] = $cell;
                }
                cout << row << '\\n';
            }
            """, mistake, fast=True, dirs=dirs, cell="k ? '0' + k : '.'" if zero_dot else "'0' + k")  # fmt: skip

    def solutions(self, p: Params) -> list[Code]:
        return [
            self._python_scan(p, p["zero_dot"], "0 <= x < n and 0 <= y < m"),
            py("""
                import sys
                data = sys.stdin.read().split()
                n, m = int(data[0]), int(data[1])
                # A border of empty cells: no bounds checks inside.
                pad = ["." * (m + 2)] + ["." + r + "." for r in data[2:2 + n]] + ["." * (m + 2)]
                out = []
                for i in range(1, n + 1):
                    cells = []
                    for j in range(1, m + 1):
                        if pad[i][j] == "*":
                            cells.append("*")
                        else:
                            k = sum(pad[i + a][j + b] == "*" for a, b in $offsets)
                            cells.append($cell)
                    out.append("".join(cells))
                print("\\n".join(out))
                """, offsets=self._offsets(p), cell='str(k) if k else "."' if p["zero_dot"] else "str(k)"),
            self._cpp_scan(p, p["zero_dot"]),
            cpp("""
                #include <cstdio>
                char g[205][205];
                int main() {
                    int n, m;
                    scanf("%d %d", &n, &m);
                    for (int i = 1; i <= n; i++) scanf("%s", g[i] + 1);
                    for (int i = 1; i <= n; i++) {
                        for (int j = 1; j <= m; j++) {
                            if (g[i][j] == '*') { putchar('*'); continue; }
                            int k = 0;
                            for (int a = -1; a <= 1; a++)
                                for (int b = -1; b <= 1; b++)
                                    if ($near && g[i + a][j + b] == '*') k++;
                            putchar($cell);
                        }
                        putchar('\\n');
                    }
                    return 0;
                }
                """, near="(a || b)" if p["eight"] else "(a == 0) != (b == 0)",
                cell="k ? '0' + k : '.'" if p["zero_dot"] else "'0' + k"),
        ]  # fmt: skip

    def wrong_solutions(self, p: Params) -> list[Code]:
        return [
            # g[-1] is the last row in Python: the missing lower bound wraps around instead of failing.
            self._python_scan(p, p["zero_dot"], "x < n and y < m", "missed edge case"),
            self._cpp_scan(p, p["zero_dot"], "wrong formula", eight=not p["eight"]),
            self._python_scan(p, not p["zero_dot"], "0 <= x < n and 0 <= y < m", "wrong output format"),
        ]


FAMILIES: list[Family] = [GridNeighbors()]
