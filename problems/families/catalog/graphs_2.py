"""Graph families on two-colorings: whether a graph is bipartite, one test or many (tags: graphs, dfs and
similar). Inputs are large and deep: recursive searches in Python fail on them."""

from __future__ import annotations

import random
import textwrap
from collections import deque

from problems.families import text
from problems.families.base import Code, Family, Kind, Params, Statement, cpp, py
from problems.families.catalog.dp import CPP_LOOP, PY_HEAD, multi_py, split_total


def two_sided_edges(rng: random.Random, n: int, m: int, bipartite: bool, chain: int) -> list[tuple[int, int]]:
    """At most m distinct edges that join the two sides of a random 2-coloring (the first `chain` of them a path
    that alternates sides); when not `bipartite`, one of them joins two vertices of one side instead."""
    order = list(range(1, n + 1))
    rng.shuffle(order)
    side = {v: i % 2 if i <= chain else rng.randrange(2) for i, v in enumerate(order)}
    groups = [[v for v in order if side[v] == s] for s in (0, 1)]
    edges = {(min(u, v), max(u, v)) for u, v in zip(order, order[1 : chain + 1])}
    target = min(m - (not bipartite), len(groups[0]) * len(groups[1]))
    while len(edges) < target:
        u, v = rng.choice(groups[0]), rng.choice(groups[1])
        edges.add((min(u, v), max(u, v)))
    big = max(groups, key=len)
    if not bipartite and len(big) >= 2 and m > 0:
        edges.add(tuple(sorted(rng.sample(big, 2))))  # type: ignore[arg-type]
    result = sorted(edges)
    rng.shuffle(result)
    return [(u, v) if rng.random() < 0.5 else (v, u) for u, v in result]


class BipartiteCheck(Family):
    """Whether an undirected graph can be 2-colored so that every edge joins different colors (BFS coloring of
    every component). Switches: one test or many; ask "is it bipartite" or "is there an odd cycle" (the
    answers swap)."""

    name = "bipartite_check"
    tags = ("graphs", "dfs and similar")
    rating = 1400

    def draw(self, rng: random.Random) -> Params:
        multi = rng.random() < 0.5
        return {"multi": multi, "odd": rng.random() < 0.35, "n_max": 10**5 if multi else rng.choice((10**5, 2 * 10**5)),
                "m_max": 10**5, "t_max": 10**4, "words": text.yes_no(rng)}  # fmt: skip

    def statement(self, p: Params, rng: random.Random) -> Statement:
        yes, no, case = p["words"]
        hero = text.name(rng)
        question = ("Is there a cycle of odd length in the graph?" if p["odd"] else
                    "Can the vertices be colored in two colors so that every edge joins vertices of different colors?")
        legend = text.pick(rng, (
            f"{hero} organizes a game in {text.place(rng)} for n children. Some m pairs of children are rivals. "
            + ("Is it impossible to split all children into two teams so that no two rivals play in the same team?"
               if p["odd"] else "Can all children be split into two teams so that no two rivals are in the same "
               "team?"),
            f"The map of {text.place(rng)} shows n towns and m roads between them. The king wants to paint every "
            "town red or blue so that each road joins towns of different colors. "
            + ("Determine whether this is impossible." if p["odd"] else "Determine whether this is possible."),
            f"You are given an undirected graph with n vertices and m edges (it may be disconnected). {question}",
        ))  # fmt: skip
        case_in = (f"The first line contains {text.integers(rng, ['n', 'm'])} ({text.bounds(rng, 'n', 1, p['n_max'])}, "
                   f"{text.bounds(rng, 'm', 0, p['m_max'])}). Each of the next m lines contains two integers u_i and "
                   "v_i (1 ≤ u_i, v_i ≤ n, u_i ≠ v_i); no pair appears twice.")  # fmt: skip
        answer = f"{text.print_verb(rng)} \"{yes}\" if the answer is yes and \"{no}\" otherwise. {case}".strip()
        if p["multi"]:
            inp = (f"{text.multi_test_intro(rng, p['t_max'])}\n\nEach test case is given as follows. {case_in}\n\n"
                   f"The sum of n and the sum of m over all test cases do not exceed {text.number(rng, p['m_max'])}.")
            answer = f"For each test case, {answer[0].lower()}{answer[1:]}"
        else:
            inp = case_in
        return Statement(legend, inp, answer)

    def _case(self, rng: random.Random, kind: Kind, n: int, m: int) -> str:
        if kind == "edge" and n >= 4 and rng.random() < 0.7:  # vertex 1 on a path, an odd cycle elsewhere
            k = rng.randint(1, n - 3)
            odd = n - k if (n - k) % 2 else n - k - 1
            edges = [(i, i + 1) for i in range(1, k)] + [(k + 1 + i, k + 1 + (i + 1) % odd) for i in range(odd)]
        else:
            chain = rng.randint(0, n - 1) if kind != "large" else rng.choice((n // 2, n - 1))
            edges = two_sided_edges(rng, n, m, rng.random() < 0.5, min(chain, m))
        return f"{n} {len(edges)}\n" + "".join(f"{u} {v}\n" for u, v in edges)

    def make_input(self, p: Params, rng: random.Random, kind: Kind) -> str:
        def sizes(count: int) -> list[tuple[int, int]]:
            if kind == "large":
                total = min(p["n_max"], p["m_max"])
                return [(s, s) for s in split_total(rng, total, count)]
            top = {"example": 6, "small": 12, "edge": 8}[kind]
            out = []
            for _ in range(count):
                n = {"example": rng.randint(3, top), "small": rng.randint(1, top),
                     "edge": rng.choice((1, 2, top, top))}[kind]  # fmt: skip
                out.append((n, rng.randint(n - 1 if kind == "example" else 0, 2 * n)))
            return out

        if not p["multi"]:
            (n, m), = sizes(1)
            if kind == "large":
                n, m = p["n_max"], p["m_max"]
            return self._case(rng, kind, n, m)
        cases = sizes({"example": rng.randint(2, 3), "small": rng.randint(1, 8), "edge": rng.randint(2, 6),
                       "large": rng.randint(1, 4)}[kind])  # fmt: skip
        return f"{len(cases)}\n" + "".join(self._case(rng, kind, n, m) for n, m in cases)

    def answer(self, p: Params, given: str) -> str:
        nums = list(map(int, given.split()))
        pos, out = (1 if p["multi"] else 0), []
        yes, no = p["words"][:2]
        for _ in range(nums[0] if p["multi"] else 1):
            n, m = nums[pos], nums[pos + 1]
            adj: list[list[int]] = [[] for _ in range(n + 1)]
            for u, v in zip(nums[pos + 2 : pos + 2 + 2 * m : 2], nums[pos + 3 : pos + 3 + 2 * m : 2]):
                adj[u].append(v)
                adj[v].append(u)
            color, good = [-1] * (n + 1), True
            for start in range(1, n + 1):
                if color[start] < 0:
                    color[start], queue = 0, deque([start])
                    while queue:
                        u = queue.popleft()
                        for v in adj[u]:
                            if color[v] < 0:
                                color[v] = color[u] ^ 1
                                queue.append(v)
                            good &= color[v] != color[u]
            out.append(yes if good != p["odd"] else no)
            pos += 2 + 2 * m
        return "\n".join(out) + "\n"

    def solutions(self, p: Params) -> list[Code]:
        yes, no = p["words"][:2]
        if p["odd"]:
            yes, no = no, yes
        return [
            py(BIPARTITE_PY, head=PY_HEAD[p["multi"]], yes=yes, no=no, starts="range(1, n + 1)", size="n + 1"),
            multi_graph_py(p["multi"], """
                col = [-1] * (n + 1)
                ok = True
                for s in range(1, n + 1):
                    if col[s] != -1:
                        continue
                    col[s] = 0
                    stack = [s]
                    while stack and ok:
                        x = stack.pop()
                        for y in g[x]:
                            if col[y] == -1:
                                col[y] = col[x] ^ 1
                                stack.append(y)
                            elif col[y] == col[x]:
                                ok = False
                print("$yes" if ok else "$no")
                """, yes=yes, no=no),
            cpp(BIPARTITE_CPP, loop=CPP_LOOP[p["multi"]], yes=yes, no=no, conflict="c[y] == c[x]"),
            cpp("""
                #include <cstdio>
                #include <vector>
                std::vector<int> par, flip;
                int find(int x, int &f) {
                    f = 0;
                    while (par[x] != x) f ^= flip[x], x = par[x];
                    return x;
                }
                int main() {
                    int t = 1;
                    $read_t
                    while (t--) {
                        int n, m;
                        scanf("%d %d", &n, &m);
                        par.assign(n + 1, 0);
                        flip.assign(n + 1, 0);
                        std::vector<int> rank(n + 1, 0);
                        for (int i = 0; i <= n; i++) par[i] = i;
                        bool ok = true;
                        for (int i = 0; i < m; i++) {
                            int u, v, fu, fv;
                            scanf("%d %d", &u, &v);
                            int a = find(u, fu), b = find(v, fv);
                            if (a == b) { if (fu == fv) ok = false; continue; }
                            if (rank[a] > rank[b]) std::swap(a, b);
                            par[a] = b, flip[a] = fu ^ fv ^ 1;
                            if (rank[a] == rank[b]) rank[b]++;
                        }
                        puts(ok ? "$yes" : "$no");
                    }
                }
                """, read_t='scanf("%d", &t);' if p["multi"] else "", yes=yes, no=no),
        ]  # fmt: skip

    def wrong_solutions(self, p: Params) -> list[Code]:
        yes, no = p["words"][:2]
        if p["odd"]:
            yes, no = no, yes
        return [
            # only the component of vertex 1 is checked
            py(BIPARTITE_PY, "missed edge case", head=PY_HEAD[p["multi"]], yes=yes, no=no, starts="[1]", size="n + 1"),
            py(BIPARTITE_PY, "off by one", head=PY_HEAD[p["multi"]], yes=yes, no=no, starts="range(1, n + 1)", size="n"),
            multi_graph_py(p["multi"], """
                color = [-1] * (n + 1)

                def paint(v, c):
                    color[v] = c
                    for u in g[v]:
                        if color[u] == -1:
                            if not paint(u, 1 - c):
                                return False
                        elif color[u] == c:
                            return False
                    return True

                ok = all(color[v] != -1 or paint(v, 0) for v in range(1, n + 1))
                print("$yes" if ok else "$no")
                """, "missed edge case", yes=yes, no=no),
            cpp(BIPARTITE_CPP, "wrong operator", loop=CPP_LOOP[p["multi"]], yes=yes, no=no, conflict="c[y] != c[x]"),
        ]  # fmt: skip


def multi_graph_py(multi: bool, body: str, mistake: str = "", **values: object) -> Code:
    """A Python program that reads one graph into `g` with input() (made fast) and runs `body` on it, t times
    when the input has many."""
    read = """
        n, m = map(int, input().split())
        g = [[] for _ in range(n + 1)]
        for _ in range(m):
            a, b = map(int, input().split())
            g[a].append(b)
            g[b].append(a)
        """
    code = multi_py(multi, textwrap.dedent(read) + textwrap.dedent(body).lstrip("\n"), mistake, **values)
    return Code(code.language, "import sys\ninput = sys.stdin.readline\n" + code.source, code.mistake)


BIPARTITE_PY = """
    import sys
    from collections import deque
    data = sys.stdin.buffer.read().split()
    $head
    res = []
    for _ in range(t):
        n, m = int(data[pos]), int(data[pos + 1])
        adj = [[] for _ in range(n + 1)]
        for i in range(pos + 2, pos + 2 + 2 * m, 2):
            u, v = int(data[i]), int(data[i + 1])
            adj[u].append(v)
            adj[v].append(u)
        pos += 2 + 2 * m
        side = [-1] * ($size)
        good = True
        for s in $starts:
            if side[s] >= 0:
                continue
            side[s] = 0
            q = deque([s])
            while q:
                u = q.popleft()
                for v in adj[u]:
                    if side[v] < 0:
                        side[v] = 1 - side[u]
                        q.append(v)
                    elif side[v] == side[u]:
                        good = False
        res.append("$yes" if good else "$no")
    print("\\n".join(res))
    """
BIPARTITE_CPP = """
    #include <bits/stdc++.h>
    using namespace std;
    int main() {
        ios::sync_with_stdio(false);
        cin.tie(nullptr);
        $loop
            int n, m;
            cin >> n >> m;
            vector<vector<int>> g(n + 1);
            for (int i = 0; i < m; i++) {
                int u, v;
                cin >> u >> v;
                g[u].push_back(v);
                g[v].push_back(u);
            }
            vector<int> c(n + 1, -1);
            bool ok = true;
            for (int s = 1; s <= n; s++) {
                if (c[s] != -1) continue;
                c[s] = 0;
                queue<int> q;
                q.push(s);
                while (!q.empty()) {
                    int x = q.front();
                    q.pop();
                    for (int y : g[x]) {
                        if (c[y] == -1) c[y] = c[x] ^ 1, q.push(y);
                        else if ($conflict) ok = false;
                    }
                }
            }
            cout << (ok ? "$yes" : "$no") << "\\n";
        }
    }
    """


FAMILIES: list[Family] = [BipartiteCheck()]
