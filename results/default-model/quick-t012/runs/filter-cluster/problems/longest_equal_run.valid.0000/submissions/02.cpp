#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int t;
    cin >> t;
    while (t--) {
        string s;
        cin >> s;
        int n = s.size(), best = 1, cur = 1, at = 0;
        for (int i = 1; i < n; i++) {
            cur = s[i] == s[i - 1] ? cur + 1 : 1;
            if (cur > best) best = cur, at = i - cur + 1;
        }
        cout << best << '\n';
    }
}
