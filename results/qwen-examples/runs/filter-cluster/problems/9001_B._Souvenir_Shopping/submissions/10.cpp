#include <bits/stdc++.h>
using namespace std;

int main() {
    int n, q;
    cin >> n >> q;
    vector<int> p(n);
    for (int i = 0; i < n; ++i) cin >> p[i];
    vector<int> b(q);
    for (int i = 0; i < q; ++i) cin >> b[i];

    // Sort p in ascending order
    sort(p.begin(), p.end());

    int ans = 0;
    for (int i = 0; i < q; ++i) {
        int j = 0;
        while (j < n && p[j] <= b[i]) ++j;
        ans = max(ans, j);
    }

    // Output the result
    for (int i = 0; i < q; ++i) {
        cout << ans << " ";
    }
    cout << endl;

    return 0;
}
