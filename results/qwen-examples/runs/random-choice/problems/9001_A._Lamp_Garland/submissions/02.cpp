#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int t;
    cin >> t;
    for (int i = 1; i <= t; ++i) {
        int n;
        cin >> n;
        string s;
        cin >> s;
        int remove = 0;
        for (int j = 0; j < n - 1; ++j) {
            if (s[j] == s[j + 1]) {
                remove++;
            }
        }
        cout << remove << endl;
    }
    return 0;
}
