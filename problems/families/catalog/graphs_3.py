"""Graph families with distances: the diameter of a tree, weighted shortest paths by Dijkstra's algorithm (tags:
graphs, trees, shortest paths). Distances need 64 bits; trees are deep, so recursive searches in Python fail."""

from __future__ import annotations

import heapq
import random

from problems.families import text
from problems.families.base import Code, Family, Kind, Params, Statement, cpp, py
from problems.families.catalog.graphs import graph_text, random_edges, read_graph_py


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
            f"the largest distance between two vertices{', where a distance is the sum of edge weights' if p['weighted'] else ' (in edges)'}.",
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


FAMILIES: list[Family] = [TreeDiameter()]
