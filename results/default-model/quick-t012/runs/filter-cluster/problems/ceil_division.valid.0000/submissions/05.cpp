#include <cstdio>
#include <algorithm>
#include <vector>
int main() {
    int t = 1;
    scanf("%d", &t);
    while (t--) {
        long long n, k;
        scanf("%lld %lld", &n, &k);
        unsigned long long m = (n - 1) / k + 1;
        printf("%lld\n", m);
    }
}
