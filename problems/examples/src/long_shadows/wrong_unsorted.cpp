#include <bits/stdc++.h>
using namespace std;

int main() {
    int n, a;
    cin >> n >> a;
    double c = 1.0 / tan(a * M_PI / 180.0);
    double ans = 0, L = -1, R = -1;
    for (int i = 0; i < n; i++) {
        double x, h;
        cin >> x >> h;
        double l = x, r = x + h * c;
        if (i == 0) {
            L = l;
            R = r;
        } else if (l <= R) {
            R = max(R, r);
        } else {
            ans += R - L;
            L = l;
            R = r;
        }
    }
    ans += R - L;
    printf("%.9f\n", ans);
    return 0;
}
