#include <bits/stdc++.h>
using namespace std;

int main() {
    int n, q;
    cin >> n >> q;
    vector<int> p(n);
    vector<int> b(q);
    for (int i = 0; i < n; i++) {
        cin >> p[i];
    }
    for (int i = 0; i < q; i++) {
        cin >> b[i];
    }
    sort(p.begin(), p.end());
    sort(b.begin(), b.end());
    int max_souvenirs = 0;
    for (int i = 0; i < q; i++) {
        int total_cost = 0;
        for (int j = 0; j < n; j++) {
            if (b[j] <= total_cost + p[j]) {
                total_cost += p[j];
                max_souvenirs = max(max_souvenirs, j + 1);
            }
        }
    }
    for (int i = 0; i < q; i++) {
        cout << max_souvenirs << endl;
    }
    return 0;
}
