#include <iostream>
#include <vector>
#include <algorithm>

using namespace std;

struct Edge {
    int u, v;
};

struct Node {
    int val;
    vector<Edge> edges;
};

int n;
vector<Node> tree;
vector<int> a;
vector<int> dp;

void dfs(int u, int parent) {
    for (const auto& edge : tree[u].edges) {
        if (edge.v != parent) {
            dfs(edge.v, u);
        }
    }
    dp[u] = tree[u].val;
}

void update(int u, int value) {
    if (u == 0) {
        return;
    }
    tree[u].val = value;
    for (const auto& edge : tree[u].edges) {
        update(edge.v, value);
    }
}

int solve() {
    dp[0] = a[0];
    dfs(0, -1);
    int result = 0;
    for (int i = 1; i < n; ++i) {
        result = max(result, dp[i] + a[i]);
    }
    return result;
}

int main() {
    int t;
    cin >> t;
    for (int i = 0; i < t; ++i) {
        cin >> n;
        tree.resize(n);
        a.resize(n);
        dp.resize(n);
        for (int j = 0; j < n; ++j) {
            cin >> tree[j].val >> a[j];
            tree[j].edges = {};
        }
        for (int j = 0; j < n - 1; ++j) {
            int u, v;
            cin >> u >> v;
            tree[u - 1].edges.push_back({u - 1, v - 1});
            tree[v - 1].edges.push_back({u - 1, v - 1});
        }
        cout << solve() << endl;
    }
    return 0;
}
