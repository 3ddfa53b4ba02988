#include <cstdio>
int main() {
    int t = 1;
    while (t--) {
        int n;
        scanf("%d", &n);
        long long best = -1e18, total = 0;
        for (int i = 0; i < n; i++) {
            long long x;
            scanf("%lld", &x);
            x -= i;
            if (x > best) best = x;
            total += best - x;
        }
        printf("%lld\n", total);
    }
}
