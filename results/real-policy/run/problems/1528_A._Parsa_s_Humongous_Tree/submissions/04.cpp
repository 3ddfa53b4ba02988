#include <iostream>
#include <vector>
#include <algorithm>

#define MAXN 100005

using namespace std;

int n, u, v, l, r;
vector<vector<int>> adj(MAXN);
vector<int> a(MAXN);

int main() {
    cin.tie(0);
    cin.sync_with_stdio(0);
    int t;
    cin >> t;
    while (t--) {
        cin >> n;
        for (int i = 0; i < n; i++) cin >> a[i];
        for (int i = 0; i < n - 1; i++) {
            cin >> u >> v;
            adj[u].push_back(v);
            adj[v].push_back(u);
        }
        int min_a = 1e9;
        int max_a = 0;
        for (int i = 0; i < n; i++) {
            min_a = min(min_a, a[i]);
            max_a = max(max_a, a[i]);
        }
        long long max_beauty = 0;
        for (int i = 0; i < n; i++) {
            max_beauty += max(max_a - a[i], a[i] - min_a);
        }
        cout << max_beauty << endl;
    }
    return 0;
}
