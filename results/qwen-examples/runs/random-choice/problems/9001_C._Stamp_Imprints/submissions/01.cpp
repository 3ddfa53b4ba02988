#include <bits/stdc++.h>
using namespace std;

int main() {
    string s, p;
    cin >> s >> p >> q;
    cin.ignore();

    for (int i = 0; i < q; ++i) {
        int l, r;
        cin >> l >> r;
        int count = 0;
        for (int j = l; j <= r; ++j) {
            if (s[j] == p[j - l]) {
                count++;
            }
        }
        cout << count << endl;
    }

    return 0;
}
