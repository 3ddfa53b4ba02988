#include <iostream>
#include <vector>
#include <algorithm>
#include <limits>

using namespace std;

int main() {
    int n, q;
    cin >> n >> q;

    vector<int> p(n);
    vector<int> b(q);
    vector<int> ans(q);

    for (int i = 0; i < n; ++i) {
        cin >> p[i];
    }

    for (int i = 0; i < q; ++i) {
        cin >> b[i];
    }

    sort(p.begin(), p.end());
    sort(b.begin(), b.end());

    int start = 0;
    int end = n - 1;
    int result = 0;

    for (int i = 0; i < q; ++i) {
        int max_souvenirs = 0;
        int remaining_budget = b[i];

        while (start <= end) {
            int mid = start + (end - start) / 2;
            int cost = p[mid];

            if (cost <= remaining_budget) {
                max_souvenirs = mid + 1;
                remaining_budget -= cost;
            } else {
                end = mid - 1;
            }
        }

        ans[i] = max_souvenirs;
        start = mid + 1;
    }

    for (int i = 0; i < q; ++i) {
        cout << ans[i] << endl;
    }

    return 0;
}
