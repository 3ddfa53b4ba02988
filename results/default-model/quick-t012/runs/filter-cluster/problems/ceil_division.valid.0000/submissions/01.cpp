#include <cstdio>
int main() {
    int t = 1;
    scanf("%d", &t);
    while (t--) {
        unsigned long long n, k;
        scanf("%llu %llu", &n, &k);
        unsigned long long m = (n - 1) / k + 1;
        printf("%llu\n", m);
    }
}
