#include <cstdio>
typedef long long ll;
bool is_prime(ll n) {
    if (n < 2) return false;
    if (n < 4) return true;
    if (n % 2 == 0 || n % 3 == 0) return false;
    for (ll i = 5; i * i <= n; i += 6)
        if (n % i == 0 || n % (i + 2) == 0) return false;
    return true;
}
int main() {
    int t = 1;
    while (t--) {
        ll n;
        scanf("%lld", &n);
        puts(is_prime(n) ? "YES" : "NO");
    }
}
