#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    string s, p;
    int q;
    cin >> s >> p >> q;
    int n = s.size(), m = p.size();
    vector<int> count(n + 1, 0);
    for (int i = 0; i < n; i++)
        count[i + 1] = count[i] + (s.compare(i, m, p) == 0 ? 1 : 0);
    while (q--) {
        int l, r;
        cin >> l >> r;
        int last_start = r - m + 1;
        cout << (last_start >= l ? count[last_start] - count[l - 1] : 0) << '\n';
    }
    return 0;
}
