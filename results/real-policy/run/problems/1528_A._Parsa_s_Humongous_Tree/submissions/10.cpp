#include <iostream>
#include <vector>
#include <algorithm>

using namespace std;

const int MAXN = 1e5 + 5;
vector<int> adj[MAXN];
int l[MAXN], r[MAXN], a[MAXN], dp[MAXN];
bool vis[MAXN];

int dfs(int u) {
    vis[u] = true;
    int res = a[u];
    for (int v : adj[u]) {
        if (!vis[v]) {
            int val = dfs(v);
            res = max(res, val);
        }
    }
    return res;
}

int main() {
    int t;
    cin >> t;
    while (t--) {
        int n;
        cin >> n;
        for (int i = 1; i <= n; ++i) {
            cin >> l[i] >> r[i];
            l[i]--, r[i]--;
        }
        for (int i = 0; i < n - 1; ++i) {
            int u, v;
            cin >> u >> v;
            u--, v--;
            adj[u].push_back(v);
            adj[v].push_back(u);
        }
        int ans = 0;
        for (int i = 0; i < n; ++i) {
            a[i] = l[i] + r[i];
            ans = max(ans, dfs(i) + a[i]);
        }
        cout << ans << endl;
    }
    return 0;
}
