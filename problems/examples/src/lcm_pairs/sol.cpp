#include <bits/stdc++.h>
using namespace std;

int main() {
    long long n;
    if (scanf("%lld", &n) != 1) return 0;
    // ordered pairs: product over the prime factorisation n = prod p^e of (2e + 1)
    long long ordered = 1, rest = n;
    for (long long p = 2; p * p <= rest; p++) {
        if (rest % p) continue;
        int e = 0;
        while (rest % p == 0) {
            rest /= p;
            e++;
        }
        ordered *= 2 * e + 1;
    }
    if (rest > 1) ordered *= 3;
    printf("%lld\n", (ordered + 1) / 2);
    return 0;
}
