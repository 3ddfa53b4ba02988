#include <bits/stdc++.h>
using namespace std;

int main() {
    int n, alpha;
    if (scanf("%d %d", &n, &alpha) != 2) return 0;
    const double pi = acos(-1.0);
    double angle = alpha * pi / 180.0;
    double cot = cos(angle) / sin(angle);
    vector<pair<double, double>> shadows(n);
    for (auto& [l, r] : shadows) {
        long long x, h;
        scanf("%lld %lld", &x, &h);
        l = double(x);
        r = double(x) + double(h) * cot;
    }
    sort(shadows.begin(), shadows.end());
    double total = 0, left = shadows[0].first, right = shadows[0].second;
    for (int i = 1; i < n; i++) {
        auto [l, r] = shadows[i];
        if (l > right) {
            total += right - left;
            left = l;
            right = r;
        } else {
            right = max(right, r);
        }
    }
    total += right - left;
    printf("%.9f\n", total);
    return 0;
}
