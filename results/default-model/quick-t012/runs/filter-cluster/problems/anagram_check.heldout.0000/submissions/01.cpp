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
        array<int, 26> cnt{};
        for (char c : s) cnt[c - 'a']++;
        int best = 0;
        for (int i = 0; i < 26; i++)
            if (cnt[i] > cnt[best]) best = i;
        cout << char('a' + best) << " " << cnt[best] << "\n";
    }
}
