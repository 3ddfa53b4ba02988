#include <cstdio>
int main() {
    int t = 1;
    scanf("%d", &t);
    while (t--) {
        long long n, res = 1;
        scanf("%lld", &n);
        for (long long d = 2; d * d <= n; d++) {
            if (n % d) continue;
            int e = 0;
            while (n % d == 0) { n /= d; e++; }
            res *= e + 1;
        }
        if (n > 1) res *= 2;
        printf("%lld\n", res);
    }
}
