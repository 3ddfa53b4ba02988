#include <bits/stdc++.h>
#include <vector>
#include <algorithm>
using namespace std;

int main() {
    int n, q;
    cin >> n >> q;
    vector<int> p(n);
    vector<int> b(q);
    for (int i = 0; i < n; ++i) cin >> p[i];
    for (int i = 0; i < q; ++i) cin >> b[i];

    // Sort the prices and b scenarios
    sort(p.begin(), p.end());
    sort(b.begin(), b.end());

    int ans = 0;
    for (int i = 0; i < q; ++i) {
        int max_count = 0;
        int j = i;
        while (j < q && b[j] <= b[i]) {
            max_count++;
            ++j;
        }
        ans = max(ans, max_count);
    }

    cout << ans << endl;
    return 0;
}
