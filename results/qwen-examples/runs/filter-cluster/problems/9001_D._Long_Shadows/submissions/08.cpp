#include <bits/stdc++.h>
using namespace std;

int main() {
    int n, alpha;
    cin >> n >> alpha;
    vector<int> x(n);
    vector<int> h(n);
    for (int i = 0; i < n; ++i) {
        cin >> x[i];
        cin >> h[i];
    }
    double total_length = 0.0;
    for (int i = 0; i < n; ++i) {
        double shadow_start = x[i];
        double shadow_end = shadow_start + h[i] * cos(alpha);
        total_length += shadow_end - shadow_start;
    }
    cout << total_length;
    return 0;
}
