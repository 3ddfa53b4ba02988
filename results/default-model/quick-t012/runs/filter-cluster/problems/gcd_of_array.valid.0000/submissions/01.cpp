#include <cstdio>
long long gcd(long long a, long long b) { return b == 0 ? a : gcd(b, a % b); }
int main() {
    int t = 1;
    scanf("%d", &t);
    while (t--) {
        int n;
        scanf("%d", &n);
        long long g = 0, x;
        for (int i = 0; i < n; i++) { scanf("%lld", &x); g = gcd(x, g); }
        printf("%lld\n", g);
    }
}
