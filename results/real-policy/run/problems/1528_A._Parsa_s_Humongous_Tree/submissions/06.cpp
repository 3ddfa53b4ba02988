#include <iostream>
#include <vector>
#include <algorithm>

using namespace std;

const int INF = 1e9;

int main() {
    int t, n;
    cin >> t;
    while (t--) {
        cin >> n;
        vector<pair<int, int>> edges(n-1);
        for (int i = 0; i < n-1; i++) {
            cin >> edges[i].first >> edges[i].second;
        }
        vector<int> l(n), r(n);
        for (int i = 0; i < n; i++) {
            cin >> l[i] >> r[i];
        }

        // Sort edges by their second end
        sort(edges.begin(), edges.end());

        // Initialize the answer with the maximum beauty possible
        int ans = 0;
        for (int i = 0; i < n-1; i++) {
            int u = edges[i].first, v = edges[i].second;
            ans += max(l[u] - r[v], r[u] - l[v]);
        }

        // Add the beauty of the last edge
        ans += max(l[n-1] - r[0], r[n-1] - l[0]);

        cout << ans << endl;
    }

    return 0;
}
