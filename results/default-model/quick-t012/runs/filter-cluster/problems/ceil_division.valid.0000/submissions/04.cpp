#include <cstdio>
#include <algorithm>
#include <vector>
int main() {
    int t; scanf("%d", &t);
    while (t--) {
        unsigned long long n, k;
        scanf("%d %lld", &n, &k);
        unsigned long long m = (n - 1) / k + 1;
        printf("%llu\n", m);
    }
}
