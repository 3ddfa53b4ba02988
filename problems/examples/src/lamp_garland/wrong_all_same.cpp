#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int t;
    cin >> t;
    while (t--) {
        int n;
        string s;
        cin >> n >> s;
        int ans = 0;
        for (int i = 0; i < n; i++)
            if (s[i] == s[(i + 1) % n]) ans++;
        cout << ans << "\n";
    }
    return 0;
}
