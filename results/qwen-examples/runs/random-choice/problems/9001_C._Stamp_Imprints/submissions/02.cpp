#include <bits/stdc++.h>
using namespace std;

int main() {
    string s, p;
    cin >> s >> p >> q;

    int n = s.size();
    int m = p.size();
    vector<int> imprints(n);

    for (int i = 0; i < q; ++i) {
        int l, r;
        cin >> l >> r;

        int start = max(0, l - m + 1);
        int end = min(n, r + m - 1);

        imprints[start] = 1;
        for (int j = start + 1; j < end; ++j) {
            imprints[j] = 0;
        }
    }

    for (int i = 0; i < n; ++i) {
        cout << imprints[i] << " ";
    }
    cout << endl;

    return 0;
}
