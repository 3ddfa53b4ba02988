#include <bits/stdc++.h>
using namespace std;
int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int t; cin >> t;
    while (t--) {
        int n;
        long long k;
        cin >> n >> k;
        vector<long long> a(n);
        for (auto &x : a) cin >> x;
        sort(a.begin(), a.end());
        for (int i = 0; i < n && k > 0 && a[i] < 0; i++, k--) a[i] = -a[i];
        long long sum = 0;
        long long low = LLONG_MAX;
        for (long long x : a) sum += x, low = min(low, x);
        cout << sum << "\n";
    }
}
