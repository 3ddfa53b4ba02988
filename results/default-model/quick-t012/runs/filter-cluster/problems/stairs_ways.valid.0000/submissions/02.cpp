#include <cstdio>
#include <vector>
int main() {
    const int M = 998244353;
    int n, k;
    scanf("%d %d", &n, &k);
    std::vector<int> f(n + 1);
    f[0] = 1;
    long long s = 1;
    for (int i = 1; i <= n; ++i) {
        f[i] = s;
        s = (s + f[i]) % M;
        if (i >= k) s = (s - f[i - k] + M) % M;
    }
    printf("%d\n", f[n]);
    return 0;
}
