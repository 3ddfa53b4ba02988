#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n, q;
    cin >> n >> q;
    vector<int> p(n);
    for (auto& x : p) cin >> x;
    sort(p.begin(), p.end());
    vector<int> pre(n + 1, 0);
    for (int i = 0; i < n; i++) pre[i + 1] = pre[i] + p[i];
    while (q--) {
        long long b;
        cin >> b;
        int lo = 0, hi = n;
        while (lo < hi) {
            int mid = (lo + hi + 1) / 2;
            if (pre[mid] <= b) lo = mid;
            else hi = mid - 1;
        }
        cout << lo << "\n";
    }
    return 0;
}
