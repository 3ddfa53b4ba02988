#include <cstdio>
int main() {
    int t = 1;
    while (t--) {
        long long n;
        scanf("%lld", &n);
        long long pairs = n / 2;
        printf("%lld\n", n & 1 ? n - pairs : -pairs);
    }
}
