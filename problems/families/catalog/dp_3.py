"""Counting and optimizing DP families: coin change ways, paths in a grid with obstacles, the cheapest path in a
grid of numbers (tags: dp, combinatorics)."""

from __future__ import annotations

import random

from problems.families import text
from problems.families.base import Code, Family, Kind, Params, Statement, cpp, py
from problems.families.catalog.dp import MODS

COINS_PY = """
    n, S = map(int, input().split())
    coins = list(map(int, input().split()))
    M = $mod
    dp = [1] + [0] * S
    for c in coins:
        for s in range($range):
            dp[s] = (dp[s] + dp[s - c]) % M
    print(dp[S])
    """


# The sums a coin updates: downwards when each coin counts once (its own updates must not feed it again).
CAPACITY_LOOP = {True: "for (int s = S; s >= x; s--)", False: "for (int s = x; s <= S; s++)"}


class CoinChangeWays(Family):
    """The number of ways to pay exactly S with the given coins, modulo M. Switches: each value usable any number
    of times (ways are multisets) or each coin at most once (subsets); the modulus."""

    name = "coin_change_ways"
    tags = ("dp", "combinatorics")
    rating = 1400

    def draw(self, rng: random.Random) -> Params:
        once = rng.random() < 0.5
        # With at most once, few coins make few subsets: n stays large enough for counts beyond 32 bits.
        n_max, s_max = rng.choice(((100, 10**4), (50, 2 * 10**4)) + ((20, 5 * 10**4),) * (not once))
        return {"once": once, "mod": rng.choice(MODS), "n_max": n_max, "s_max": s_max}

    def statement(self, p: Params, rng: random.Random) -> Statement:
        hero = text.name(rng)
        if p["once"]:
            rule = ("Each coin can be used at most once; two ways differ if the sets of used coins differ (coins "
                    "with equal values are still different coins).")  # fmt: skip
        else:
            rule = ("Every value can be used any number of times; two ways differ if some value is used a different "
                    "number of times (the order does not matter).")  # fmt: skip
        legend = text.pick(rng, (
            f"{hero} wants to buy a souvenir in {text.place(rng)} that costs exactly S burles and has n coins of "
            f"values c_1, …, c_n. In how many ways can {hero} pay without change? {rule}",
            f"The bank of {text.place(rng)} issues coins of values c_1, …, c_n. Count the ways to make the sum S. "
            f"{rule}",
            f"You are given n positive integers c_1, …, c_n and an integer S. Count the ways to obtain the sum S. {rule}",
        ))  # fmt: skip
        distinct = "" if p["once"] else " All c_i are distinct."
        inp = (f"{text.first_line(rng)} {text.integers(rng, ['n', 'S'])} ({text.bounds(rng, 'n', 1, p['n_max'])}, "
               f"{text.bounds(rng, 'S', 1, p['s_max'])}).\n\n{text.second_line(rng)} {text.sequence(rng, 'c', 'n')} "
               f"({text.bounds(rng, 'c_i', 1, p['s_max'])}).{distinct}")  # fmt: skip
        out = f"{text.print_verb(rng)} the number of ways modulo {p['mod']}."
        return Statement(legend, inp, out)

    def make_input(self, p: Params, rng: random.Random, kind: Kind) -> str:
        n, s, top = {"example": (rng.randint(1, 4), rng.randint(1, 12), 6), "small": (rng.randint(1, 10),
                     rng.randint(1, 60), 20), "large": (p["n_max"], p["s_max"] - rng.randint(0, 10),
                     4 * p["s_max"] // p["n_max"] if p["once"] else p["s_max"] // 50),
                     "edge": (3, rng.randint(1, p["s_max"] - 3), 3)}[kind]  # fmt: skip
        coins = rng.sample(range(1, top + 1), n)
        if p["once"] and kind != "large" and rng.random() < 0.5:
            coins = [rng.randint(1, top) for _ in range(n)]  # equal values are different coins
        if kind == "edge":  # S itself, only a 1, every coin above S, small coins for a large S
            coins = rng.choice(([s], [1], rng.sample(range(s + 1, p["s_max"] + 1), 3), [1, 2, 3]))
            n = len(coins)
        return f"{n} {s}\n{' '.join(map(str, coins))}\n"

    def answer(self, p: Params, given: str) -> str:
        nums = list(map(int, given.split()))
        s, coins, mod = nums[1], nums[2:], p["mod"]
        ways = [1] + [0] * s  # ways[x]: the ways to make x with the coins seen so far
        for c in coins:
            if p["once"]:  # every count comes from before this coin
                ways = [(w + (ways[x - c] if x >= c else 0)) % mod for x, w in enumerate(ways)]
            else:
                for x in range(c, s + 1):
                    ways[x] = (ways[x] + ways[x - c]) % mod
        return f"{ways[s]}\n"

    def solutions(self, p: Params) -> list[Code]:
        once = p["once"]
        return [
            py(COINS_PY, mod=p["mod"], range="S, c - 1, -1" if once else "c, S + 1"),
            py("""
                import sys
                data = sys.stdin.read().split()
                n, total = int(data[0]), int(data[1])
                MOD = $mod
                w = [0] * (total + 1)
                w[0] = 1
                for c in map(int, data[2:2 + n]):
                    for s in range($order):
                        w[s + c] = (w[s + c] + w[s]) % MOD
                print(w[total])
                """, mod=p["mod"], order="total - c, -1, -1" if once else "total - c + 1"),
            cpp("""
                #include <bits/stdc++.h>
                using namespace std;
                const long long MOD = $mod;
                int main() {
                    int n, S;
                    cin >> n >> S;
                    vector<int> c(n);
                    for (auto &x : c) cin >> x;
                    vector<long long> dp(S + 1, 0);
                    dp[0] = 1;
                    for (int x : c)
                        $loop
                            dp[s] = (dp[s] + dp[s - x]) % MOD;
                    cout << dp[S] << endl;
                }
                """, mod=p["mod"], loop=CAPACITY_LOOP[once]),
            cpp("""
                #include <cstdio>
                const int M = $mod;
                int ways[50005], coin[105];
                int main() {
                    int n, S;
                    scanf("%d %d", &n, &S);
                    for (int i = 0; i < n; i++) scanf("%d", &coin[i]);
                    ways[0] = 1;
                    for (int i = 0; i < n; i++) {
                        int c = coin[i];
                        $loop {
                            ways[s] += ways[s - c];
                            if (ways[s] >= M) ways[s] -= M;
                        }
                    }
                    printf("%d\\n", ways[S]);
                    return 0;
                }
                """, mod=p["mod"], loop="for (int s = S; s >= c; --s)" if once else "for (int s = c; s <= S; ++s)"),
        ]  # fmt: skip

    def wrong_solutions(self, p: Params) -> list[Code]:
        once = p["once"]
        wrong = [
            py(COINS_PY, "off by one", mod=p["mod"], range="S, c, -1" if once else "c + 1, S + 1"),
            cpp("""
                #include <bits/stdc++.h>
                using namespace std;
                int main() {
                    int n, S;
                    cin >> n >> S;
                    vector<int> c(n), dp(S + 1, 0);
                    for (auto &x : c) cin >> x;
                    dp[0] = 1;
                    for (int x : c)
                        $loop
                            dp[s] += dp[s - x];
                    cout << dp[S] % $mod << endl;
                }
                """, "overflow", mod=p["mod"], loop=CAPACITY_LOOP[once]),
        ]  # fmt: skip
        if once:  # upwards, a coin is used again
            wrong.append(py(COINS_PY, "wrong formula", mod=p["mod"], range="c, S + 1"))
        else:  # the loops swapped: ordered sequences of coins, not multisets
            wrong.append(py("""
                n, S = map(int, input().split())
                coins = list(map(int, input().split()))
                dp = [1] + [0] * S
                for s in range(1, S + 1):
                    for c in coins:
                        if c <= s:
                            dp[s] = (dp[s] + dp[s - c]) % $mod
                print(dp[S])
                """, "wrong formula", mod=p["mod"]))  # fmt: skip
        return wrong


class GridPathsObstacles(Family):
    """Paths from the top-left to the bottom-right cell of a grid moving right or down around blocked cells,
    modulo M. Switches: the blocked cell's character; the modulus."""

    name = "grid_paths_obstacles"
    tags = ("dp", "combinatorics")
    rating = 1200

    def draw(self, rng: random.Random) -> Params:
        return {"block": rng.choice("#*"), "mod": rng.choice(MODS), "n_max": rng.choice((300, 500))}

    def statement(self, p: Params, rng: random.Random) -> Statement:
        hero, b = text.name(rng), p["block"]
        legend = text.pick(rng, (
            f"{hero} walks in a park in {text.place(rng)} laid out as an n × m grid. Some cells are ponds ('{b}'), "
            f"the others are lawns ('.'). {hero} starts in the top-left cell and must reach the bottom-right one, "
            "moving only right or down and never entering a pond. Count the different routes.",
            f"A robot stands in cell (1, 1) of an n × m warehouse and must reach cell (n, m). Cells with boxes are "
            f"marked '{b}' and cannot be entered; free cells are '.'. The robot moves one cell right or one cell down. "
            "How many paths are there?",
            f"You are given a grid of n rows and m columns made of '.' (free) and '{b}' (blocked). Count the paths "
            "from the top-left to the bottom-right cell that go only right or down through free cells.",
        ))  # fmt: skip
        inp = (f"{text.first_line(rng)} {text.integers(rng, ['n', 'm'])} ({text.bounds(rng, 'n', 1, p['n_max'])}, "
               f"{text.bounds(rng, 'm', 1, p['n_max'])}).\n\nEach of the next n lines contains a string of m "
               f"characters, each '.' or '{b}'.")  # fmt: skip
        out = (f"{text.print_verb(rng)} the number of paths modulo {p['mod']} (if a corner cell is blocked, the "
               "answer is 0).")  # fmt: skip
        return Statement(legend, inp, out)

    def make_input(self, p: Params, rng: random.Random, kind: Kind) -> str:
        top = {"example": 4, "small": 8}.get(kind, p["n_max"])
        n, m = (rng.randint(1, top), rng.randint(1, top)) if kind != "large" else (top - rng.randint(0, 3), top)
        # Dense obstacles leave no path on a large grid: large ones stay sparse, so that the count is huge.
        density = {"example": 0.2, "large": rng.choice((0.0, 0.01, 0.03))}.get(kind, rng.choice((0.0, 0.1, 0.2, 0.3)))
        grid = [["#" if rng.random() < density else "." for _ in range(m)] for _ in range(n)]
        if kind == "edge":
            n, m = rng.choice(((1, 1), (1, top), (top, 1), (n, m), (top, top)))
            grid = [["." for _ in range(m)] for _ in range(n)]
            spot = rng.choice(((0, 0), (n - 1, m - 1), (0, m - 1), (n - 1, 0)))
            grid[spot[0]][spot[1]] = "#"  # a blocked corner, or an obstacle on the border row or column
        elif kind == "small" and rng.random() < 0.2:
            grid[0][0] = "#"
        return f"{n} {m}\n" + "".join("".join(row).replace("#", p["block"]) + "\n" for row in grid)

    def answer(self, p: Params, given: str) -> str:
        rows = given.split()[2:]
        paths = [1] + [0] * (len(rows[0]) - 1)  # paths into each cell of the current row
        for row in rows:
            for j, cell in enumerate(row):
                paths[j] = 0 if cell != "." else (paths[j] + (paths[j - 1] if j else 0)) % p["mod"]
        return f"{paths[-1]}\n"

    def solutions(self, p: Params) -> list[Code]:
        return [
            py("""
                n, m = map(int, input().split())
                M = $mod
                dp = [1] + [0] * (m - 1)
                for _ in range(n):
                    row = input()
                    for j in range(m):
                        if row[j] == '$b':
                            dp[j] = 0
                        elif j > 0:
                            dp[j] = (dp[j] + dp[j - 1]) % M
                print(dp[m - 1])
                """, mod=p["mod"], b=p["block"]),
            py(GRID_PY, mod=p["mod"], b=p["block"], start="0 if g[0][0] == '$b' else 1".replace("$b", p["block"])),
            cpp(GRID2D_CPP, mod=p["mod"], b=p["block"], first="i == 0 && j == 0"),
            cpp(GRID_CPP, mod=p["mod"], b=p["block"], T="int", add="(w[j] + w[j - 1]) % M", out="w[m - 1]"),
        ]  # fmt: skip

    def wrong_solutions(self, p: Params) -> list[Code]:
        return [
            py(GRID_PY, "missed edge case", mod=p["mod"], b=p["block"], start="1"),
            # no modulo until the end: the counts leave 64 bits on a large free grid
            cpp(GRID_CPP, "overflow", mod=p["mod"], b=p["block"], T="long long", add="w[j] + w[j - 1]", out="w[m - 1] % M"),
            # every free cell of the first row and column counted as reachable, even behind an obstacle
            cpp(GRID2D_CPP, "wrong formula", mod=p["mod"], b=p["block"], first="i == 0 || j == 0"),
        ]  # fmt: skip


GRID2D_CPP = """
    #include <bits/stdc++.h>
    using namespace std;
    int main() {
        int n, m;
        cin >> n >> m;
        vector<string> g(n);
        for (auto &r : g) cin >> r;
        vector<vector<long long>> f(n, vector<long long>(m, 0));
        for (int i = 0; i < n; i++)
            for (int j = 0; j < m; j++) {
                if (g[i][j] == '$b') continue;
                if ($first) { f[i][j] = 1; continue; }
                if (i > 0) f[i][j] += f[i - 1][j];
                if (j > 0) f[i][j] += f[i][j - 1];
                f[i][j] %= $mod;
            }
        cout << f[n - 1][m - 1] << endl;
    }
    """
GRID_PY = """
    import sys
    data = sys.stdin.read().split()
    n, m = int(data[0]), int(data[1])
    g = data[2:]
    MOD = $mod
    ways = [[0] * m for _ in range(n)]
    ways[0][0] = $start
    for i in range(n):
        for j in range(m):
            if g[i][j] == '$b' or (i == 0 and j == 0):
                continue
            up = ways[i - 1][j] if i else 0
            left = ways[i][j - 1] if j else 0
            ways[i][j] = (up + left) % MOD
    print(ways[n - 1][m - 1])
    """
GRID_CPP = """
    #include <cstdio>
    const int M = $mod;
    char row[1005];
    $T w[1005];
    int main() {
        int n, m;
        scanf("%d %d", &n, &m);
        w[0] = 1;
        for (int i = 0; i < n; i++) {
            scanf("%s", row);
            for (int j = 0; j < m; j++) {
                if (row[j] == '$b') w[j] = 0;
                else if (j > 0) w[j] = $add;
            }
        }
        printf("%lld\\n", (long long)($out));
        return 0;
    }
    """


PATH_PY = """
    n, m = map(int, input().split())
    best = [0] * m
    for i in range(n):
        row = list(map(int, input().split()))
        for j in range(m):
            if i == 0 and j == 0:
                best[j] = $start
            elif i == 0:
                best[j] = best[j - 1] + row[j]
            elif j == 0:
                best[j] += row[j]
            else:
                best[j] = $f(best[j], best[j - 1]) + row[j]
    print(best[-1])
    """
PATH_CPP = """
    #include <cstdio>
    #include <algorithm>
    $T d[305];
    int main() {
        int n, m;
        scanf("%d %d", &n, &m);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < m; j++) {
                $T x;
                scanf("$fmt", &x);
                if (i == 0 && j == 0) d[j] = x;
                else if (i == 0) d[j] = d[j - 1] + x;
                else if (j > 0) d[j] = std::$f(d[j], d[j - 1]) + x;
                else d[j] += x;
            }
        printf("$fmt\\n", d[m - 1]);
        return 0;
    }
    """


class MinCostGridPath(Family):
    """The cheapest (or richest) path from the top-left to the bottom-right cell of a grid of numbers moving right
    or down. Switch: minimize or maximize. Sums need 64 bits."""

    name = "min_cost_grid_path"
    tags = ("dp",)
    rating = 1100

    def draw(self, rng: random.Random) -> Params:
        return {"goal": rng.choice(("min", "max")), "n_max": rng.choice((200, 300)), "a_max": rng.choice((10**8, 10**9))}

    def statement(self, p: Params, rng: random.Random) -> Statement:
        hero = text.name(rng)
        most = "smallest" if p["goal"] == "min" else "largest"
        legend = text.pick(rng, (
            f"{hero} crosses {text.place(rng)}, a grid of n × m districts, from the north-west corner (1, 1) to the "
            "south-east corner (n, m), each time moving one district east or south. Entering district (i, j) "
            + ("costs a toll of a_(i,j) coins (the first and last districts too). Find the smallest total toll."
               if p["goal"] == "min" else "gives a_(i,j) gold coins (the first and last districts too). Find the "
               "largest number of coins that can be collected."),
            f"A robot goes from cell (1, 1) to cell (n, m) of a table, moving one cell right or down at a time. The "
            f"cell (i, j) holds the number a_(i,j). Find the {most} possible sum of the numbers in the visited cells.",
            f"You are given an n × m matrix a of non-negative integers. Among all paths from the top-left to the "
            f"bottom-right cell that move only right or down, find the {most} sum of the visited cells.",
        ))  # fmt: skip
        inp = (f"{text.first_line(rng)} {text.integers(rng, ['n', 'm'])} ({text.bounds(rng, 'n', 1, p['n_max'])}, "
               f"{text.bounds(rng, 'm', 1, p['n_max'])}).\n\nEach of the next n lines contains m integers; the j-th "
               f"number of the i-th line is a_(i,j) ({text.bounds(rng, 'a_(i,j)', 0, p['a_max'])}).")  # fmt: skip
        out = f"{text.print_verb(rng)} {text.single_integer(rng)} — the {most} possible sum."
        return Statement(legend, inp, out)

    def make_input(self, p: Params, rng: random.Random, kind: Kind) -> str:
        top = {"example": 4, "small": 8}.get(kind, p["n_max"])
        n, m = (rng.randint(1, top), rng.randint(1, top)) if kind != "large" else (top - rng.randint(0, 3), top)
        big = 9 if kind in ("example", "small") else p["a_max"]
        grid = [[rng.randint(0, big) for _ in range(m)] for _ in range(n)]
        if kind == "edge":
            n, m = rng.choice(((1, 1), (1, top), (top, 1), (top, top)))
            value = rng.choice((0, big))
            grid = [[value if rng.random() < 0.9 else rng.randint(0, big) for _ in range(m)] for _ in range(n)]
        return f"{n} {m}\n" + "".join(" ".join(map(str, row)) + "\n" for row in grid)

    def answer(self, p: Params, given: str) -> str:
        nums = list(map(int, given.split()))
        n, m, pick = nums[0], nums[1], min if p["goal"] == "min" else max
        best: list[int] = []
        for i in range(n):
            row = nums[2 + i * m : 2 + (i + 1) * m]
            if not best:
                best = [sum(row[: j + 1]) for j in range(m)]
                continue
            for j in range(m):
                best[j] = (pick(best[j], best[j - 1]) if j else best[j]) + row[j]
        return f"{best[-1]}\n"

    def solutions(self, p: Params) -> list[Code]:
        f = p["goal"]
        return [
            py(PATH_PY, f=f, start="row[0]"),
            py("""
                import sys
                data = list(map(int, sys.stdin.buffer.read().split()))
                n, m = data[0], data[1]
                a = data[2:]
                BAD = $bad  # outside the grid: never chosen
                d = [[BAD] * (m + 1) for _ in range(n + 1)]
                d[0][1] = 0
                for i in range(1, n + 1):
                    for j in range(1, m + 1):
                        d[i][j] = $f(d[i - 1][j], d[i][j - 1]) + a[(i - 1) * m + j - 1]
                print(d[n][m])
                """, f=f, bad="10**18" if f == "min" else "-1"),
            cpp("""
                #include <bits/stdc++.h>
                using namespace std;
                int main() {
                    int n, m;
                    cin >> n >> m;
                    vector<vector<long long>> a(n, vector<long long>(m));
                    for (auto &row : a)
                        for (auto &x : row) cin >> x;
                    for (int i = 0; i < n; i++)
                        for (int j = 0; j < m; j++) {
                            if (i && j) a[i][j] += $f(a[i - 1][j], a[i][j - 1]);
                            else if (i) a[i][j] += a[i - 1][j];
                            else if (j) a[i][j] += a[i][j - 1];
                        }
                    cout << a[n - 1][m - 1] << "\\n";
                }
                """, f=f),
            cpp(PATH_CPP, f=f, T="long long", fmt="%lld"),
        ]  # fmt: skip

    def wrong_solutions(self, p: Params) -> list[Code]:
        f = p["goal"]
        return [
            py(PATH_PY, "off by one", f=f, start="0"),
            cpp(PATH_CPP, "overflow", f=f, T="int", fmt="%d"),
            py("""
                n, m = map(int, input().split())
                a = [list(map(int, input().split())) for _ in range(n)]
                i = j = 0
                total = a[0][0]
                while (i, j) != (n - 1, m - 1):
                    if i == n - 1 or (j < m - 1 and a[i][j + 1] $cmp a[i + 1][j]):
                        j += 1
                    else:
                        i += 1
                    total += a[i][j]
                print(total)
                """, "wrong formula", cmp="<=" if f == "min" else ">="),
        ]  # fmt: skip


FAMILIES: list[Family] = [CoinChangeWays(), GridPathsObstacles(), MinCostGridPath()]
