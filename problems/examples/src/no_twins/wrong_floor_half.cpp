#include <bits/stdc++.h>
using namespace std;

int main() {
    int n;
    cin >> n;
    vector<int> a(n);
    map<int, int> cnt;
    for (auto& x : a) {
        cin >> x;
        cnt[x]++;
    }
    vector<pair<int, int>> v;
    for (auto [x, c] : cnt) v.push_back({c, x});
    sort(v.rbegin(), v.rend());
    if (v[0].first > n / 2) {
        cout << -1 << endl;
        return 0;
    }
    vector<int> order;
    for (auto [c, x] : v)
        for (int i = 0; i < c; i++) order.push_back(x);
    vector<int> b(n);
    int k = 0;
    for (int i = 0; i < n; i += 2) b[i] = order[k++];
    for (int i = 1; i < n; i += 2) b[i] = order[k++];
    for (int i = 0; i < n; i++) cout << b[i] << " \n"[i == n - 1];
}
