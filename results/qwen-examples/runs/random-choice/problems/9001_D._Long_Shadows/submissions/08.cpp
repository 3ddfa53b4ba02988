#include <bits/stdc++.h>
using namespace std;

int main() {
    int n, alpha;
    cin >> n >> alpha;
    vector<int> x(n);
    vector<int> h(n);
    for (int i = 0; i < n; i++) {
        cin >> x[i] >> h[i];
    }

    int total_length = 0;
    for (int i = 0; i < n; i++) {
        int left = x[i];
        int right = x[i] + h[i] * cos(alpha) / sin(alpha);
        int overlap = max(0, right - left);
        total_length += overlap;
    }

    cout << total_length / 1e6 << endl;
    return 0;
}
