#include <cstdio>
int main() {
    int t = 1;
    scanf("%d", &t);
    while (t--) {
        long long l, r, k;
        scanf("%lld %lld %lld", &l, &r, &k);
        long long ans = r / k - (l - 1) / k;
        printf("%lld\n", ans);
    }
}
