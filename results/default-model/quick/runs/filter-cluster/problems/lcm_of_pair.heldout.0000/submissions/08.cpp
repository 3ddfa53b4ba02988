#include <cstdio>
int main() {
    int t = 1;
    scanf("%d", &t);
    while (t--) {
        long long n;
        scanf("%lld", &n);
        long long pairs = n / 2;
        printf("%lld\n", n & 1 ? pairs - n : pairs);
    }
}
