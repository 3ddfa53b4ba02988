#include <bits/stdc++.h>
using namespace std;
int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int t = 1;
    while (t--) {
        int n;
        cin >> n;
        vector<long long> a(n);
        for (auto &x : a) cin >> x;
        long long ans = 0;
        for (int i = 1; i < n; i++) {
            if (a[i] < a[i - 1] + 1) {
                ans += a[i - 1] + 1 - a[i];
                a[i] = a[i - 1] + 1;
            }
        }
        cout << ans << "\n";
    }
}
