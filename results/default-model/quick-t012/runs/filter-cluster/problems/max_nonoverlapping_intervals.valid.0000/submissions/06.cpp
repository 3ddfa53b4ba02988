#include <bits/stdc++.h>
using namespace std;
int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int t = 1;
    while (t--) {
        int n;
        cin >> n;
        vector<pair<int, int>> s(n);
        for (auto &[a, b] : s) cin >> a >> b;
        sort(s.begin(), s.end(), [](const pair<int, int> &x, const pair<int, int> &y) {
            return x.second < y.second;
        });
        int cnt = 0, last = -1;
        for (auto &[l, r] : s)
            if (l >= last) cnt++, last = r;
        cout << cnt << endl;
    }
}
