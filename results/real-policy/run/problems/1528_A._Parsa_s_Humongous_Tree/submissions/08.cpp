#include <iostream>
#include <vector>
#include <algorithm>
#include <limits>

using namespace std;

struct Edge {
    int u, v;
};

struct Node {
    int value, left, right;
};

vector<Node> nodes;
vector<Edge> edges;

void dfs(int vertex, int parent) {
    nodes[vertex].value = nodes[parent].value;
    nodes[vertex].left = parent;
    nodes[vertex].right = -1;

    for (const auto& edge : edges) {
        if (edge.u == vertex) {
            if (edge.v == parent) continue;
            dfs(edge.v, vertex);
            nodes[vertex].left = edge.v;
            nodes[vertex].right = nodes[edge.v].right;
        }
    }
}

int main() {
    int t;
    cin >> t;

    while (t--) {
        int n;
        cin >> n;
        nodes.resize(n + 1);
        edges.resize(n - 1);

        for (int i = 0; i < n; i++) {
            int l, r;
            cin >> l >> r;
            nodes[i + 1].value = l;
            nodes[i + 1].left = -1;
            nodes[i + 1].right = -1;
            edges[i].u = i + 1;
            edges[i].v = i + 2;
        }

        dfs(1, 0);

        for (int i = 1; i <= n; i++) {
            if (nodes[i].left == -1) {
                nodes[i].left = nodes[i].right;
                nodes[i].right = -1;
            }
        }

        for (int i = 1; i <= n; i++) {
            if (nodes[i].right == -1) {
                nodes[i].right = nodes[i].left;
                nodes[i].left = -1;
            }
        }

        long long maxBeauty = 0;
        for (int i = 1; i <= n; i++) {
            long long sum = 0;
            for (const auto& edge : edges) {
                if (edge.u == i || edge.v == i) {
                    sum += abs(nodes[edge.u].value - nodes[edge.v].value);
                }
            }
            maxBeauty = max(maxBeauty, sum);
        }

        cout << maxBeauty << endl;
    }

    return 0;
}
