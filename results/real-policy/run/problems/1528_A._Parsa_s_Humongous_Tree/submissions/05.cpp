#include <iostream>
#include <vector>
#include <algorithm>

using namespace std;

int main() {
    int t;
    cin >> t;
    for (int i = 0; i < t; i++) {
        int n;
        cin >> n;
        vector<pair<int, int>> tree(n);
        for (int j = 0; j < n - 1; j++) {
            int u, v;
            cin >> u >> v;
            tree[u - 1].first = v - 1;
            tree[v - 1].second = u - 1;
        }
        sort(tree.begin(), tree.end(), [](const pair<int, int>& a, const pair<int, int>& b) {
            return a.first < b.first;
        });
        int l = tree[0].first, r = tree[0].second;
        int beauty = 0;
        for (int j = 1; j < n; j++) {
            beauty += abs(l - tree[j].first);
            beauty += abs(r - tree[j].second);
            if (tree[j].first > r) {
                r = tree[j].first;
            }
            if (tree[j].second < l) {
                l = tree[j].second;
            }
        }
        cout << beauty << endl;
    }
    return 0;
}
