"""Graph families on unweighted graphs: connected components and shortest paths by breadth-first search (tags:
graphs, dfs and similar, dsu, shortest paths). Bipartiteness is in graphs_2.py, tree diameters and weighted shortest
paths in graphs_3.py. The helpers here make random graphs and write the usual "n m, then m edges" input section."""

from __future__ import annotations

import random
import re

from problems.families import text
from problems.families.base import Code, Family, Kind, Params, Statement, cpp, py


def random_edges(rng: random.Random, n: int, m: int, directed: bool = False, chain: int = 0,
                 ends: bool = False) -> list[tuple[int, int]]:  # fmt: skip
    """m distinct edges without loops on vertices 1..n (m must fit). The first `chain` edges form a path through
    a random order of the vertices (deep for a recursive search); with `ends` the path starts at 1 and, when it
    covers every vertex, ends at n."""
    order = list(range(1, n + 1))
    if chain:  # the order only matters for the path
        rng.shuffle(order)
    if ends:
        order.remove(1)
        order.remove(n)
        order = [1] + order + [n] if n > 1 else [1]
    seen: set[tuple[int, int]] = set()
    edges: list[tuple[int, int]] = []

    def add(u: int, v: int) -> None:
        key = (u, v) if directed else (min(u, v), max(u, v))
        if u != v and key not in seen:
            seen.add(key)
            edges.append((u, v))

    for u, v in zip(order, order[1 : chain + 1]):
        add(u, v)
    while len(edges) < m:
        add(rng.randint(1, n), rng.randint(1, n))
    rng.shuffle(edges)
    return edges


def tidy(codes: list[Code]) -> list[Code]:
    """Programs without the blank-but-indented lines that an empty `$back` (no reverse edge) leaves."""
    return [Code(c.language, re.sub(r"\n[ \t]+(?=\n)", "", c.source), c.mistake) for c in codes]


def max_edges(n: int, directed: bool = False) -> int:
    return n * (n - 1) // (1 if directed else 2)


def graph_text(n: int, edges: list[tuple[int, int]]) -> str:
    return f"{n} {len(edges)}\n" + "".join(f"{u} {v}\n" for u, v in edges)


def read_graph_py(directed: bool, weighted: bool = False, tree: bool = False, unit: bool = False) -> str:
    """Python lines that read "n m, then m edges u v [w]" into adjacency lists `adj` (of (vertex, w) pairs when
    `weighted`, of (vertex, 1) pairs when `unit`); a `tree` input has no m, only n - 1 edges."""
    k, first = (3 if weighted else 2), (1 if tree else 2)
    head = "n = int(data[0])\nm = n - 1" if tree else "n, m = int(data[0]), int(data[1])"
    w = f", int(data[{first + 2} + 3 * i])" if weighted else ""
    item, back = ("(v, w)", "(u, w)") if weighted else ("(v, 1)", "(u, 1)") if unit else ("v", "u")
    return (f"import sys\ndata = sys.stdin.buffer.read().split()\n{head}\nadj = [[] for _ in range(n + 1)]\n"
            f"for i in range(m):\n"
            f"    u, v{', w' if weighted else ''} = int(data[{first} + {k} * i]), int(data[{first + 1} + {k} * i]){w}\n"
            f"    adj[u].append({item})" + ("" if directed else f"\n    adj[v].append({back})"))


def graph_section(p: Params, rng: random.Random, what: str, n_min: int = 1) -> str:
    """The input section of an "n m, then m edges" graph: `what` says what a line means ("a road from u_i to
    v_i")."""
    pair = "ordered pair" if p.get("directed") else "pair of vertices"
    return (f"{text.first_line(rng)} {text.integers(rng, ['n', 'm'])} ({text.bounds(rng, 'n', n_min, p['n_max'])}, "
            f"{text.bounds(rng, 'm', 0, p['m_max'])}).\n\nEach of the next m lines contains two integers u_i and v_i "
            f"(1 ≤ u_i, v_i ≤ n, u_i ≠ v_i) — {what}. No {pair} appears twice.")  # fmt: skip


class ConnectedComponents(Family):
    """The number of connected components of an undirected graph, by a disjoint set union or an iterative search.
    Switch: print the count, or the count minus one (the fewest edges that connect everything)."""

    name = "connected_components"
    tags = ("graphs", "dfs and similar", "dsu")
    rating = 1200

    def draw(self, rng: random.Random) -> Params:
        # m at most 10^5: an input of 2 * 10^5 numbers at most
        return {"add": rng.random() < 0.5, "n_max": rng.choice((10**5, 2 * 10**5)), "m_max": 10**5}

    def statement(self, p: Params, rng: random.Random) -> Statement:
        hero = text.name(rng)
        task = ("What is the minimum number of new {e} needed so that every {v} can be reached from every other?"
                if p["add"] else "How many groups are there, where a group is a maximal set of {v}s connected "
                "(directly or through others) by {e}?")  # fmt: skip
        legend = text.pick(rng, (
            f"The archipelago of {text.place(rng)} has n islands and m bridges, each joining two islands. "
            + task.format(e="bridges", v="island"),
            f"{hero} has n classmates numbered from 1 to n and knows m pairs of them who are friends. Friendship is "
            "mutual, and friends of friends talk to each other too. " + task.format(e="friendships", v="classmate"),
            "You are given an undirected graph with n vertices and m edges. "
            + ("Find the minimum number of edges to add to make it connected." if p["add"]
               else "Find the number of its connected components."),
        ))  # fmt: skip
        out = f"{text.print_verb(rng)} {text.single_integer(rng)} — the answer."
        return Statement(legend, graph_section(p, rng, "the ends of an edge"), out)

    def make_input(self, p: Params, rng: random.Random, kind: Kind) -> str:
        n = {"example": rng.randint(1, 7), "small": rng.randint(1, 15), "edge": rng.randint(1, 5),
             "large": p["n_max"]}[kind]  # fmt: skip
        m = rng.randint(0, min(max_edges(n), n + 2, p["m_max"]))
        chain = 0
        if kind == "large":
            m = rng.randint(p["m_max"] // 2, p["m_max"]) if rng.random() < 0.5 else rng.randint(n // 3, n // 2)
            chain = rng.randint(m // 3, m)  # a long path: deep for a recursive search
        elif kind == "edge":
            big = p["m_max"] + 1  # a single path through every vertex
            n, m, chain = rng.choice(((1, 0, 0), (p["n_max"], 0, 0), (big, big - 1, big - 1), (2, 1, 1), (3, 3, 2)))
        return graph_text(n, random_edges(rng, n, m, chain=chain))

    def answer(self, p: Params, given: str) -> str:
        nums = list(map(int, given.split()))
        n = nums[0]
        root = list(range(n + 1))

        def find(x: int) -> int:
            while root[x] != x:
                root[x] = root[root[x]]
                x = root[x]
            return x

        parts = n
        for u, v in zip(nums[2::2], nums[3::2]):
            a, b = find(u), find(v)
            if a != b:
                root[a] = b
                parts -= 1
        return f"{parts - 1 if p['add'] else parts}\n"

    def solutions(self, p: Params) -> list[Code]:
        minus = " - 1" if p["add"] else ""
        return [
            py(DSU_PY, ans=f"comps{minus}", count="range(1, n + 1)"),
            py("""
                import sys
                from collections import deque
                n, m, *e = map(int, sys.stdin.buffer.read().split())
                adj = [[] for _ in range(n + 1)]
                for u, v in zip(e[::2], e[1::2]):
                    adj[u].append(v)
                    adj[v].append(u)
                seen = [False] * (n + 1)
                cnt = 0
                for s in range(1, n + 1):
                    if seen[s]:
                        continue
                    cnt += 1
                    seen[s] = True
                    q = deque([s])
                    while q:
                        x = q.popleft()
                        for y in adj[x]:
                            if not seen[y]:
                                seen[y] = True
                                q.append(y)
                print(cnt$minus)
                """, minus=minus),
            cpp("""
                #include <bits/stdc++.h>
                using namespace std;
                vector<int> par;
                int find(int x) { return par[x] == x ? x : par[x] = find(par[x]); }
                int main() {
                    ios::sync_with_stdio(false);
                    cin.tie(nullptr);
                    int n, m;
                    cin >> n >> m;
                    par.resize(n + 1);
                    iota(par.begin(), par.end(), 0);
                    int comps = n;
                    while (m--) {
                        int u, v;
                        cin >> u >> v;
                        u = find(u), v = find(v);
                        if (u != v) par[u] = v, comps--;
                    }
                    cout << comps$minus << "\\n";
                }
                """, minus=minus),
            cpp("""
                #include <cstdio>
                #include <vector>
                using namespace std;
                int main() {
                    int n, m;
                    scanf("%d %d", &n, &m);
                    vector<vector<int>> g(n + 1);
                    for (int i = 0; i < m; i++) {
                        int a, b;
                        scanf("%d %d", &a, &b);
                        g[a].push_back(b);
                        g[b].push_back(a);
                    }
                    vector<char> vis(n + 1, 0);
                    vector<int> st;
                    int res = 0;
                    for (int s = 1; s <= n; s++) {
                        if (vis[s]) continue;
                        res++;
                        vis[s] = 1;
                        st.push_back(s);
                        while (!st.empty()) {
                            int x = st.back();
                            st.pop_back();
                            for (int y : g[x])
                                if (!vis[y]) vis[y] = 1, st.push_back(y);
                        }
                    }
                    printf("%d\\n", res$minus);
                }
                """, minus=minus),
        ]  # fmt: skip

    def wrong_solutions(self, p: Params) -> list[Code]:
        minus = " - 1" if p["add"] else ""
        return [
            py(DSU_PY, "off by one", ans=f"comps{minus}", count="range(1, n)"),
            py("""
                n, m = map(int, input().split())
                adj = [[] for _ in range(n + 1)]
                for _ in range(m):
                    u, v = map(int, input().split())
                    adj[u].append(v)
                    adj[v].append(u)
                used = [False] * (n + 1)

                def dfs(v):
                    used[v] = True
                    for u in adj[v]:
                        if not used[u]:
                            dfs(u)

                comps = 0
                for v in range(1, n + 1):
                    if not used[v]:
                        dfs(v)
                        comps += 1
                print(comps$minus)
                """, "missed edge case", minus=minus),
            cpp("""
                #include <bits/stdc++.h>
                using namespace std;
                int main() {
                    int n, m;
                    cin >> n >> m;
                    cout << max(1, n - m)$minus << endl;
                }
                """, "wrong formula", minus=minus),
        ]  # fmt: skip


DSU_PY = """
    import sys
    data = sys.stdin.buffer.read().split()
    n, m = int(data[0]), int(data[1])
    parent = list(range(n + 1))

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i in range(m):
        a, b = find(int(data[2 + 2 * i])), find(int(data[3 + 2 * i]))
        if a != b:
            parent[a] = b
    comps = sum(1 for v in $count if parent[v] == v)
    print($ans)
    """


class BfsShortestPath(Family):
    """The fewest edges on a path from vertex 1 to vertex n, or -1, by breadth-first search. Switches: directed
    or undirected edges; count the edges or the vertices of the path."""

    name = "bfs_shortest_path"
    tags = ("graphs", "shortest paths", "dfs and similar")
    rating = 1300

    def draw(self, rng: random.Random) -> Params:
        return {"directed": rng.random() < 0.4, "vertices": rng.random() < 0.4, "n_max": rng.choice((10**5, 2 * 10**5)),
                "m_max": 10**5}  # fmt: skip

    def statement(self, p: Params, rng: random.Random) -> Statement:
        hero = text.name(rng)
        way = "one-way (from u_i to v_i)" if p["directed"] else "two-way"
        goal = ("the minimum number of cities on such a route, counting the first and the last one"
                if p["vertices"] else "the minimum number of roads on such a route")  # fmt: skip
        legend = text.pick(rng, (
            f"{text.place(rng).capitalize()} has n cities connected by m {way} roads. {hero} lives in city 1 and "
            f"wants to visit a friend in city n. Find {goal}, or report that city n cannot be reached.",
            f"A computer network has n servers and m {way} cables. A message starts at server 1 and must reach "
            f"server n. Find {goal.replace('cities', 'servers').replace('city', 'server').replace('roads', 'cables')}"
            ", or say that it is impossible.",
            f"You are given a{' directed' if p['directed'] else 'n undirected'} graph with n vertices and m edges. "
            f"Find the length of the shortest path from vertex 1 to vertex n, measured in "
            f"{'vertices (both ends included)' if p['vertices'] else 'edges'}.",
        ))  # fmt: skip
        edge = "a road from u_i to v_i" if p["directed"] else "a road between u_i and v_i"
        inp = graph_section(p, rng, edge, n_min=2)
        out = (f"{text.print_verb(rng)} {text.single_integer(rng)} — the answer, or -1 if there is no path from 1 "
               "to n.")  # fmt: skip
        return Statement(legend, inp, out)

    def make_input(self, p: Params, rng: random.Random, kind: Kind) -> str:
        n = {"example": rng.randint(2, 7), "small": rng.randint(2, 15), "edge": rng.randint(2, 4),
             "large": p["n_max"]}[kind]  # fmt: skip
        m = rng.randint(min(n - 1, 3), min(max_edges(n, p["directed"]), 3 * n))
        chain = n - 1 if rng.random() < 0.7 else rng.randint(0, n - 1)  # most often, n is reachable
        if kind == "large":  # a dense graph with short paths, or a sparse one around a long path
            n = rng.choice((n, p["m_max"] // 5))
            m = rng.randint(p["m_max"] // 2, p["m_max"])
            chain = rng.choice((0, min(m, n - 1) // 2, min(m, n - 1)))
        elif kind == "edge":
            big = p["m_max"] + 1
            n, m, chain = rng.choice(((2, 0, 0), (2, 1, 1), (big, big - 1, big - 1), (p["n_max"], 0, 0)))
        chain = min(chain, m)
        return graph_text(n, random_edges(rng, n, m, p["directed"], chain=chain, ends=True))

    def answer(self, p: Params, given: str) -> str:
        nums = list(map(int, given.split()))
        n = nums[0]
        adj: list[list[int]] = [[] for _ in range(n + 1)]
        for u, v in zip(nums[2::2], nums[3::2]):
            adj[u].append(v)
            if not p["directed"]:
                adj[v].append(u)
        dist = {1: 0}
        layer = [1]
        while layer and n not in dist:  # one whole layer at a time
            nxt = [y for x in layer for y in adj[x] if y not in dist]
            for y in nxt:
                dist.setdefault(y, dist[layer[0]] + 1)
            layer = list(dict.fromkeys(nxt))
        return f"{dist[n] + p['vertices'] if n in dist else -1}\n"

    def solutions(self, p: Params) -> list[Code]:
        plus = " + 1" if p["vertices"] else ""
        return tidy([
            py(BFS_PY, read=read_graph_py(p["directed"]), ans=f"dist[n]{plus} if dist[n] >= 0 else -1", init="-1",
               check="dist[y] < 0"),
            py("""
                import sys
                from collections import deque
                input = sys.stdin.readline
                n, m = map(int, input().split())
                g = [[] for _ in range(n + 1)]
                for _ in range(m):
                    a, b = map(int, input().split())
                    g[a].append(b)
                    $back
                d = [0] * (n + 1)
                d[1] = 1
                q = deque([1])
                while q:
                    x = q.popleft()
                    for y in g[x]:
                        if not d[y]:
                            d[y] = d[x] + 1
                            q.append(y)
                print(d[n]$shift if d[n] else -1)
                """, back="" if p["directed"] else "g[b].append(a)", shift="" if p["vertices"] else " - 1"),
            cpp(BFS_CPP, back="" if p["directed"] else "g[v].push_back(u);", plus=plus),
            cpp("""
                #include <cstdio>
                #include <vector>
                #include <queue>
                int main() {
                    int n, m;
                    scanf("%d %d", &n, &m);
                    std::vector<std::vector<int>> adj(n + 1);
                    while (m--) {
                        int a, b;
                        scanf("%d %d", &a, &b);
                        adj[a].push_back(b);
                        $back
                    }
                    std::vector<int> dist(n + 1, -1);
                    std::queue<int> q;
                    q.push(1);
                    dist[1] = 0;
                    while (!q.empty() && dist[n] < 0) {
                        int v = q.front();
                        q.pop();
                        for (int to : adj[v])
                            if (dist[to] == -1) dist[to] = dist[v] + 1, q.push(to);
                    }
                    printf("%d\\n", dist[n] < 0 ? -1 : dist[n]$plus);
                }
                """, back="" if p["directed"] else "adj[b].push_back(a);", plus=plus),
        ])  # fmt: skip

    def wrong_solutions(self, p: Params) -> list[Code]:
        plus = " + 1" if p["vertices"] else ""
        wrong = [
            # no -1: the distance array starts at 0 and an unreachable n prints that
            py(BFS_PY, "missed edge case", read=read_graph_py(p["directed"]), ans=f"dist[n]{plus}", init="0",
               check="y != 1 and dist[y] == 0"),
            cpp(BFS_CPP, "off by one", back="" if p["directed"] else "g[v].push_back(u);",
                plus="" if p["vertices"] else " + 1"),
            py("""
                $read
                depth = [-1] * (n + 1)
                depth[1] = 0
                stack = [1]
                while stack:
                    u = stack.pop()
                    for v in adj[u]:
                        if depth[v] < 0:
                            depth[v] = depth[u] + 1
                            stack.append(v)
                print(depth[n]$plus if depth[n] >= 0 else -1)
                """, "wrong formula", read=read_graph_py(p["directed"]), plus=plus),
        ]  # fmt: skip
        if p["directed"]:
            wrong.append(cpp(BFS_CPP, "wrong formula", back="g[v].push_back(u);", plus=plus))
        return tidy(wrong)


BFS_PY = """
    from collections import deque
    $read
    dist = [$init] * (n + 1)
    dist[1] = 0
    q = deque([1])
    while q:
        x = q.popleft()
        for y in adj[x]:
            if $check:
                dist[y] = dist[x] + 1
                q.append(y)
    print($ans)
    """
BFS_CPP = """
    #include <bits/stdc++.h>
    using namespace std;
    int main() {
        ios::sync_with_stdio(false);
        cin.tie(nullptr);
        int n, m;
        cin >> n >> m;
        vector<vector<int>> g(n + 1);
        for (int i = 0; i < m; i++) {
            int u, v;
            cin >> u >> v;
            g[u].push_back(v);
            $back
        }
        vector<int> d(n + 1, INT_MAX);
        d[1] = 0;
        queue<int> q;
        q.push(1);
        while (!q.empty()) {
            int x = q.front();
            q.pop();
            for (int y : g[x])
                if (d[y] > d[x] + 1) {
                    d[y] = d[x] + 1;
                    q.push(y);
                }
        }
        if (d[n] == INT_MAX) cout << -1 << "\\n";
        else cout << d[n]$plus << "\\n";
    }
    """


FAMILIES: list[Family] = [ConnectedComponents(), BfsShortestPath()]
