#include <bits/stdc++.h>
using namespace std;

int main() {
    int n;
    if (scanf("%d", &n) != 1) return 0;
    vector<long long> a(n), b(n);
    for (auto& x : a) scanf("%lld", &x);
    for (auto& x : b) scanf("%lld", &x);
    const long long NEG = LLONG_MIN / 4;
    // best totals by the last day's choice: day shift, night shift, rest
    long long day = NEG, night = NEG, rest = 0;
    for (int i = 0; i < n; i++) {
        long long best = max({day, night, rest});
        long long nday = a[i] + max(day, rest);
        long long nnight = b[i] + best;
        day = nday;
        night = nnight;
        rest = best;
    }
    printf("%lld\n", max({day, night, rest}));
    return 0;
}
