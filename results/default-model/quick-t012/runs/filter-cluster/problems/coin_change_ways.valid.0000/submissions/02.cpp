#include <bits/stdc++.h>
using namespace std;
int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int t = 1;
    while (t--) {
        int n;
        long long x;
        cin >> n >> x;
        vector<long long> a(n);
        for (auto &v : a) cin >> v;
        sort(a.begin(), a.end());
        long long cnt = 0;
        for (int i = 0, j = n - 1; i < j;) {
            if (a[i] + a[j] <= x) cnt += j - i, i++;
            else j--;
        }
        cout << cnt << "\n";
    }
}
