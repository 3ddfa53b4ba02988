#include <bits/stdc++.h>
using namespace std;
int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int t; cin >> t;
    while (t--) {
        int n;
        long long s;
        cin >> n >> s;
        vector<long long> a(n);
        for (auto &x : a) cin >> x;
        long long best = -1;
        for (int i = 0; i < n; i++)
            for (int j = i + 1; j < n; j++)
                if (a[i] + a[j] <= s) best = max(best, a[i] + a[j]);
        if (best < 0) cout << "NO" << endl;
        else cout << best << endl;
    }
}
