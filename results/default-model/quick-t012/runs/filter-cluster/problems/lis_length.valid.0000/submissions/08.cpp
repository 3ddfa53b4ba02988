#include <cstdio>
#include <algorithm>
int main() {
    int t = 1;
    scanf("%d", &t);
    while (t--) {
        int n;
        scanf("%d", &n);
        long long pre = 0, lo = 0, ans = 0;
        for (int i = 0; i < n; i++) {
            long long x;
            scanf("%lld", &x);
            pre += x;
            ans = std::max(ans, pre - lo);
            lo = std::min(lo, pre);
        }
        printf("%lld\n", ans);
    }
}
