"""Graph families with distances: the diameter of a tree, weighted shortest paths by Dijkstra's algorithm (tags:
graphs, trees, shortest paths). Distances need 64 bits; trees are deep, so recursive searches in Python fail."""

from __future__ import annotations

import heapq
import random

from problems.families import text
from problems.families.base import Code, Family, Kind, Params, Statement, cpp, py
from problems.families.catalog.graphs import max_edges, random_edges, read_graph_py, tidy


def tree_parents(rng: random.Random, n: int, shape: str) -> list[int]:
    """p_2..p_n with p_i < i: a random tree, a deep one, two long chains from vertex 1, or a star."""
    pick = {"random": lambda i: rng.randint(1, i - 1), "deep": lambda i: rng.randint(max(1, i - 3), i - 1),
            "chains": lambda i: max(1, i - 2), "star": lambda i: 1}[shape]  # fmt: skip
    return [pick(i) for i in range(2, n + 1)]


class TreeDiameter(Family):
    """The longest path in a tree: the farthest vertex from any vertex is an end of a diameter, so two searches.
    Switches: the tree as n - 1 edges or as parents p_i < i; unit or weighted edges."""

    name = "tree_diameter"
    tags = ("trees", "graphs", "dfs and similar")
    rating = 1500

    def draw(self, rng: random.Random) -> Params:
        parents, weighted = rng.random() < 0.5, rng.random() < 0.5
        # at most about 2 * 10^5 numbers in an input
        n_max = 5 * 10**4 if weighted and not parents else rng.choice((5 * 10**4, 10**5))
        return {"parents": parents, "weighted": weighted, "n_max": n_max, "w_max": 10**9}

    def statement(self, p: Params, rng: random.Random) -> Statement:
        hero = text.name(rng)
        length = "the sum of the lengths of its roads" if p["weighted"] else "the number of roads on it"
        legend = text.pick(rng, (
            f"{text.place(rng).capitalize()} has n villages connected by n - 1 roads so that every village can be "
            f"reached from every other. The length of a route is {length}. {hero} wants to know the length of the "
            "longest simple route between two villages.",
            f"A network of n computers is wired as a tree. {hero} measures the distance between two computers as "
            f"{length.replace('roads', 'cables')} on the path between them. Find the largest distance between two "
            "computers.",
            f"You are given a tree with n vertices{' and weighted edges' if p['weighted'] else ''}. Find its diameter: "
            "the largest distance between two vertices"
            + (", where a distance is the sum of edge weights." if p["weighted"] else " (in edges)."),
        ))  # fmt: skip
        first = f"{text.first_line(rng)} {text.integer(rng, 'n')} ({text.bounds(rng, 'n', 2, p['n_max'])})."
        w = f" ({text.bounds(rng, 'w_i', 1, p['w_max'])})" if p["weighted"] else ""
        if p["parents"]:
            rest = (f"{text.second_line(rng)} n - 1 integers p_2, p_3, …, p_n (1 ≤ p_i < i): vertex i is joined to "
                    "vertex p_i.")  # fmt: skip
            if p["weighted"]:
                rest += f"\n\nThe third line contains n - 1 integers w_2, …, w_n{w}: the length of the edge (i, p_i)."
        else:
            three = "three integers u_i, v_i and w_i" if p["weighted"] else "two integers u_i and v_i"
            rest = (f"Each of the next n - 1 lines contains {three} (1 ≤ u_i, v_i ≤ n{', ' + w[2:-1] if w else ''}) — "
                    "an edge. The edges form a tree.")  # fmt: skip
        out = f"{text.print_verb(rng)} {text.single_integer(rng)} — the diameter."
        return Statement(legend, f"{first}\n\n{rest}", out)

    def make_input(self, p: Params, rng: random.Random, kind: Kind) -> str:
        n = {"example": rng.randint(2, 7), "small": rng.randint(2, 20), "edge": rng.choice((2, 3, p["n_max"])),
             "large": p["n_max"]}[kind]  # fmt: skip
        shape = rng.choice(("random", "chains", "star") if kind != "large" else ("deep", "chains"))
        par = tree_parents(rng, n, shape)
        top = {"example": 9, "small": 20}.get(kind, p["w_max"])
        w = [rng.randint(1, top) if kind != "edge" else top for _ in par]
        if p["parents"]:
            lines = [" ".join(map(str, par))] + ([" ".join(map(str, w))] if p["weighted"] else [])
            return f"{n}\n" + "".join(line + "\n" for line in lines)
        label = list(range(1, n + 1))
        rng.shuffle(label)  # vertex 1 anywhere, edges in any order and direction
        edges = [(label[i + 1], label[q - 1], c) for i, (q, c) in enumerate(zip(par, w))]
        rng.shuffle(edges)
        fmt = "{} {} {}\n" if p["weighted"] else "{} {}\n"
        return f"{n}\n" + "".join(fmt.format(*((v, u) if rng.random() < 0.5 else (u, v)), c) for u, v, c in edges)

    def answer(self, p: Params, given: str) -> str:
        nums = list(map(int, given.split()))
        n = nums[0]
        if p["parents"]:
            us, vs = range(2, n + 1), nums[1:n]
            ws = nums[n : 2 * n - 1] if p["weighted"] else [1] * (n - 1)
        else:
            k = 3 if p["weighted"] else 2
            us, vs = nums[1::k], nums[2::k]
            ws = nums[3::k] if p["weighted"] else [1] * (n - 1)
        adj: list[list[tuple[int, int]]] = [[] for _ in range(n + 1)]
        for u, v, w in zip(us, vs, ws):
            adj[u].append((v, w))
            adj[v].append((u, w))

        def farthest(s: int) -> tuple[int, int]:
            dist = {s: 0}
            stack = [s]
            while stack:
                u = stack.pop()
                for v, w in adj[u]:
                    if v not in dist:
                        dist[v] = dist[u] + w
                        stack.append(v)
            end = max(dist, key=dist.__getitem__)
            return end, dist[end]

        return f"{farthest(farthest(1)[0])[1]}\n"

    def _read_py(self, p: Params) -> str:
        """Lines that read the tree into `adj` of (neighbor, length) pairs."""
        if p["parents"]:
            return ("import sys\nnums = list(map(int, sys.stdin.buffer.read().split()))\nn = nums[0]\n"
                    "adj = [[] for _ in range(n + 1)]\nfor i in range(2, n + 1):\n"
                    f"    u, w = nums[i - 1], {'nums[n + i - 2]' if p['weighted'] else '1'}\n"
                    "    adj[i].append((u, w))\n    adj[u].append((i, w))")  # fmt: skip
        return read_graph_py(False, p["weighted"], tree=True, unit=True)

    def _read_cpp(self, p: Params) -> str:
        if p["parents"]:
            body = "for (int i = 2; i <= n; i++) cin >> par[i];\n"
            body += "    for (int i = 2; i <= n; i++) cin >> len[i];\n" if p["weighted"] else ""
            return body + "    for (int i = 2; i <= n; i++) {\n        g[i].push_back({par[i], len[i]});\n" \
                          "        g[par[i]].push_back({i, len[i]});\n    }"
        w = " >> w" if p["weighted"] else ""
        return (f"for (int i = 1; i < n; i++) {{\n        int u, v;\n        long long w = 1;\n        cin >> u >> v{w};"
                "\n        g[u].push_back({v, w});\n        g[v].push_back({u, w});\n    }")

    def solutions(self, p: Params) -> list[Code]:
        return [
            py(FAR_PY, read=self._read_py(p), main="print(far(far(1)[0])[1])"),
            py("""
                $read
                # the deepest branch below every vertex, leaves first (an order of a search from 1, reversed)
                order, parent, up = [1], [0] * (n + 1), [0] * (n + 1)
                for u in order:
                    for v, w in adj[u]:
                        if v != parent[u]:
                            parent[v], up[v] = u, w
                            order.append(v)
                down = [0] * (n + 1)
                best = 0
                for v in reversed(order):
                    u = parent[v]
                    if u:
                        best = max(best, down[u] + down[v] + up[v])
                        down[u] = max(down[u], down[v] + up[v])
                print(best)
                """, read=self._read_py(p)),
            cpp(FAR_CPP, read=self._read_cpp(p), T="long long", plus=""),
            cpp("""
                #include <bits/stdc++.h>
                using namespace std;
                int main() {
                    ios::sync_with_stdio(false);
                    cin.tie(nullptr);
                    int n;
                    cin >> n;
                    vector<vector<pair<int, long long>>> g(n + 1);
                    vector<int> par(n + 1, 0);
                    vector<long long> len(n + 1, 1);
                    $read
                    vector<int> order = {1}, from(n + 1, 0);
                    vector<long long> up(n + 1, 0), down(n + 1, 0);
                    for (size_t i = 0; i < order.size(); i++)
                        for (auto [v, w] : g[order[i]])
                            if (v != from[order[i]]) from[v] = order[i], up[v] = w, order.push_back(v);
                    long long best = 0;
                    for (int i = n - 1; i > 0; i--) {
                        int v = order[i], u = from[v];
                        best = max(best, down[u] + down[v] + up[v]);
                        down[u] = max(down[u], down[v] + up[v]);
                    }
                    cout << best << "\\n";
                }
                """, read=self._read_cpp(p)),
        ]  # fmt: skip

    def wrong_solutions(self, p: Params) -> list[Code]:
        wrong = [
            # one search from vertex 1 only: the farthest vertex from 1, not the diameter
            py(FAR_PY, "wrong formula", read=self._read_py(p), main="print(far(1)[1])"),
            py("""
                $read
                dist = [-1] * (n + 1)

                def dfs(v, d):
                    dist[v] = d
                    for u, w in adj[v]:
                        if dist[u] < 0:
                            dfs(u, d + w)

                dfs(1, 0)
                a = dist.index(max(dist))
                dist = [-1] * (n + 1)
                dfs(a, 0)
                print(max(dist))
                """, "missed edge case", read=self._read_py(p)),
        ]  # fmt: skip
        if p["weighted"]:
            wrong.append(cpp(FAR_CPP, "overflow", read=self._read_cpp(p).replace("long long w", "int w"), T="int", plus=""))
        else:  # vertices on the path, not edges
            wrong.append(cpp(FAR_CPP, "off by one", read=self._read_cpp(p), T="long long", plus=" + 1"))
        return wrong


FAR_PY = """
    $read

    def far(s):
        dist = [-1] * (n + 1)
        dist[s] = 0
        queue = [s]
        for u in queue:
            for v, w in adj[u]:
                if dist[v] < 0:
                    dist[v] = dist[u] + w
                    queue.append(v)
        best = max(range(1, n + 1), key=dist.__getitem__)
        return best, dist[best]

    $main
    """
FAR_CPP = """
    #include <bits/stdc++.h>
    using namespace std;
    int n;
    vector<vector<pair<int, long long>>> g;
    pair<int, $T> far(int s) {
        vector<$T> d(n + 1, 0);
        vector<char> seen(n + 1, 0);
        vector<int> st = {s};
        seen[s] = 1;
        while (!st.empty()) {
            int u = st.back();
            st.pop_back();
            for (auto [v, w] : g[u])
                if (!seen[v]) seen[v] = 1, d[v] = d[u] + w, st.push_back(v);
        }
        int best = max_element(d.begin(), d.end()) - d.begin();
        return {best, d[best]};
    }
    int main() {
        ios::sync_with_stdio(false);
        cin.tie(nullptr);
        cin >> n;
        g.assign(n + 1, {});
        vector<int> par(n + 1, 0);
        vector<long long> len(n + 1, 1);
        $read
        cout << far(far(1).first).second$plus << "\\n";
    }
    """


class DijkstraShortest(Family):
    """The shortest distance from vertex 1 to vertex n with positive edge lengths (Dijkstra's algorithm with a
    heap). Switches: directed or undirected edges; what to print when n cannot be reached."""

    name = "dijkstra_shortest"
    tags = ("graphs", "shortest paths")
    rating = 1600

    def draw(self, rng: random.Random) -> Params:
        return {"directed": rng.random() < 0.4, "none": rng.choice(("-1", "-1", "IMPOSSIBLE")),
                "n_max": rng.choice((5 * 10**4, 10**5)), "m_max": 6 * 10**4, "w_max": 10**9}  # fmt: skip

    def statement(self, p: Params, rng: random.Random) -> Statement:
        hero = text.name(rng)
        way = "one-way" if p["directed"] else "two-way"
        legend = text.pick(rng, (
            f"{text.place(rng).capitalize()} has n junctions and m {way} roads; the i-th road has length w_i. {hero} "
            "lives at junction 1 and works at junction n. Find the length of the shortest route from home to work.",
            f"A courier in {text.place(rng)} delivers a parcel from depot 1 to depot n. There are m {way} routes, "
            "the i-th takes w_i minutes. How many minutes does the fastest delivery take?",
            f"You are given a{' directed' if p['directed'] else 'n undirected'} weighted graph with n vertices and m "
            "edges. Find the length of the shortest path from vertex 1 to vertex n.",
        ))  # fmt: skip
        edge = "from u_i to v_i" if p["directed"] else "between u_i and v_i"
        inp = (f"{text.first_line(rng)} {text.integers(rng, ['n', 'm'])} ({text.bounds(rng, 'n', 2, p['n_max'])}, "
               f"{text.bounds(rng, 'm', 0, p['m_max'])}).\n\nEach of the next m lines contains three integers u_i, "
               f"v_i and w_i (1 ≤ u_i, v_i ≤ n, u_i ≠ v_i, {text.bounds(rng, 'w_i', 1, p['w_max'])}): an edge {edge} "
               "of length w_i. There may be several edges between the same vertices.")  # fmt: skip
        none = "-1" if p["none"] == "-1" else '"IMPOSSIBLE" (without quotes)'
        out = f"{text.print_verb(rng)} the shortest distance, or {none} if vertex n cannot be reached from vertex 1."
        return Statement(legend, inp, out)

    def make_input(self, p: Params, rng: random.Random, kind: Kind) -> str:
        n = {"example": rng.randint(2, 6), "small": rng.randint(2, 12), "edge": 2, "large": p["n_max"]}[kind]
        m = rng.randint(n - 1, 3 * n) if kind in ("example", "small") else p["m_max"]
        top = {"example": 20, "small": rng.choice((10, 10**9))}.get(kind, p["w_max"])
        chain = n - 1 if rng.random() < 0.8 else rng.randint(0, n - 1)
        if kind == "large":
            n = rng.choice((n, p["m_max"] // 4, p["m_max"] // 2))
            chain = min(n - 1, m)
        elif kind == "edge":  # nothing, one long edge, the wrong direction only, a long path of heavy edges
            n, m, chain = rng.choice(((2, 0, 0), (2, 1, 1), (2, 1, -1), (p["m_max"] + 1, p["m_max"], p["m_max"])))
        if chain < 0:
            edges = [(2, 1)]
        else:
            edges = random_edges(rng, n, min(m, max_edges(n, p["directed"])), p["directed"], chain, ends=True)
        if kind == "large" and chain > 1 and rng.random() < 0.5:
            edges += [(1, n)] if len(edges) < p["m_max"] else []  # a direct but long edge beside the path
        lines = [(u, v, rng.randint(max(1, top // 2), top) if kind == "edge" else rng.randint(1, top)) for u, v in edges]
        return f"{n} {len(lines)}\n" + "".join(f"{u} {v} {w}\n" for u, v, w in lines)

    def answer(self, p: Params, given: str) -> str:
        nums = list(map(int, given.split()))
        n, m = nums[0], nums[1]
        adj: list[list[tuple[int, int]]] = [[] for _ in range(n + 1)]
        for i in range(m):
            u, v, w = nums[2 + 3 * i : 5 + 3 * i]
            adj[u].append((v, w))
            if not p["directed"]:
                adj[v].append((u, w))
        best = {1: 0}
        heap = [(0, 1)]
        done: set[int] = set()
        while heap:
            d, u = heapq.heappop(heap)
            if u in done:
                continue
            done.add(u)
            for v, w in adj[u]:
                if d + w < best.get(v, 1 << 62):
                    best[v] = d + w
                    heapq.heappush(heap, (d + w, v))
        return f"{best.get(n, p['none'])}\n"

    def solutions(self, p: Params) -> list[Code]:
        return tidy([
            py(DIJKSTRA_PY, read=read_graph_py(p["directed"], True), inf="float('inf')", none=p["none"]),
            py("""
                import heapq
                $read
                INF = 1 << 62
                dist = [INF] * (n + 1)
                done = [False] * (n + 1)
                dist[1] = 0
                pq = [(0, 1)]
                while pq:
                    d, u = heapq.heappop(pq)
                    if done[u]:
                        continue
                    done[u] = True
                    for v, w in adj[u]:
                        if d + w < dist[v]:
                            dist[v] = d + w
                            heapq.heappush(pq, (dist[v], v))
                print(dist[n] if done[n] else "$none")
                """, read=read_graph_py(p["directed"], True), none=p["none"]),
            cpp(DIJKSTRA_CPP, back="" if p["directed"] else "g[v].push_back({u, w});", T="long long",
                inf="LLONG_MAX", none=p["none"]),
            cpp("""
                #include <cstdio>
                #include <set>
                #include <vector>
                using namespace std;
                int main() {
                    int n, m;
                    scanf("%d %d", &n, &m);
                    vector<vector<pair<int, int>>> adj(n + 1);
                    for (int i = 0; i < m; i++) {
                        int a, b, c;
                        scanf("%d %d %d", &a, &b, &c);
                        adj[a].push_back({b, c});
                        $back
                    }
                    const long long INF = (long long)4e18;
                    vector<long long> dist(n + 1, INF);
                    set<pair<long long, int>> s = {{0, 1}};
                    dist[1] = 0;
                    while (!s.empty()) {
                        int u = s.begin()->second;
                        s.erase(s.begin());
                        for (auto [v, c] : adj[u])
                            if (dist[u] + c < dist[v]) {
                                s.erase({dist[v], v});
                                dist[v] = dist[u] + c;
                                s.insert({dist[v], v});
                            }
                    }
                    if (dist[n] == INF) puts("$none");
                    else printf("%lld\\n", dist[n]);
                }
                """, back="" if p["directed"] else "adj[b].push_back({a, c});", none=p["none"]),
        ])  # fmt: skip

    def wrong_solutions(self, p: Params) -> list[Code]:
        back = "" if p["directed"] else "g[v].push_back({u, w});"
        wrong = [
            # "infinity" 10^9 is below a long distance: a far vertex n looks unreachable
            py(DIJKSTRA_PY, "missed edge case", read=read_graph_py(p["directed"], True), inf="10**9", none=p["none"]),
            cpp(DIJKSTRA_CPP, "overflow", back=back, T="int", inf="INT_MAX", none=p["none"]),
            py("""
                from collections import deque
                $read
                dist = [-1] * (n + 1)
                dist[1] = 0
                q = deque([1])
                while q:
                    u = q.popleft()
                    for v, w in adj[u]:
                        if dist[v] < 0:
                            dist[v] = dist[u] + w
                            q.append(v)
                print(dist[n] if dist[n] >= 0 else "$none")
                """, "wrong formula", read=read_graph_py(p["directed"], True), none=p["none"]),
        ]  # fmt: skip
        if p["directed"]:
            wrong.append(cpp(DIJKSTRA_CPP, "wrong formula", back="g[v].push_back({u, w});", T="long long",
                             inf="LLONG_MAX", none=p["none"]))  # fmt: skip
        return tidy(wrong)


DIJKSTRA_PY = """
    import heapq
    $read
    INF = $inf
    dist = [INF] * (n + 1)
    dist[1] = 0
    heap = [(0, 1)]
    while heap:
        d, u = heapq.heappop(heap)
        if d > dist[u]:
            continue
        for v, w in adj[u]:
            nd = d + w
            if nd < dist[v]:
                dist[v] = nd
                heapq.heappush(heap, (nd, v))
    print(dist[n] if dist[n] < INF else "$none")
    """
DIJKSTRA_CPP = """
    #include <bits/stdc++.h>
    using namespace std;
    int main() {
        ios::sync_with_stdio(false);
        cin.tie(nullptr);
        int n, m;
        cin >> n >> m;
        vector<vector<pair<int, int>>> g(n + 1);
        for (int i = 0; i < m; i++) {
            int u, v, w;
            cin >> u >> v >> w;
            g[u].push_back({v, w});
            $back
        }
        vector<$T> d(n + 1, $inf);
        priority_queue<pair<$T, int>, vector<pair<$T, int>>, greater<>> pq;
        d[1] = 0;
        pq.push({0, 1});
        while (!pq.empty()) {
            auto [du, u] = pq.top();
            pq.pop();
            if (du != d[u]) continue;
            for (auto [v, w] : g[u])
                if (d[u] + w < d[v]) {
                    d[v] = d[u] + w;
                    pq.push({d[v], v});
                }
        }
        if (d[n] == $inf) cout << "$none" << "\\n";
        else cout << d[n] << "\\n";
    }
    """


FAMILIES: list[Family] = [TreeDiameter(), DijkstraShortest()]
