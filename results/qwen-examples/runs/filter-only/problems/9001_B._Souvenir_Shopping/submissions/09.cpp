#include <bits/stdc++.h>
using namespace std;

int main() {
    int n, q;
    cin >> n >> q;
    vector<int> p(n);
    vector<int> b(q);
    for (int i = 0; i < n; ++i) cin >> p[i];
    for (int i = 0; i < q; ++i) cin >> b[i];

    int max_souvenirs = 0;
    for (int i = 0; i < q; ++i) {
        int total_cost = 0;
        int max_souvenirs_in_scenario = 0;

        for (int j = 0; j < n; ++j) {
            total_cost += p[j];
            if (total_cost > b[j]) {
                max_souvenirs_in_scenario = max(max_souvenirs_in_scenario, j + 1);
                total_cost = 0;
            }
        }

        max_souvenirs = max(max_souvenirs_in_scenario, max_souvenirs);
    }

    for (int i = 0; i < q; ++i) {
        cout << max_souvenirs << endl;
    }

    return 0;
}
