#include <cstdio>
#include <vector>
#include <utility>
int main() {
    int t; scanf("%d", &t);
    while (t--) {
        int n;
        scanf("%d", &n);
        if (n == 1) {
            puts("-1");
            continue;
        }
        std::vector<int> p(n + 1);
        for (int i = 1; i <= n; i++) p[i] = n + 1 - i;
        if (n % 2) std::swap(p[n / 2], p[n / 2 + 1]);
        for (int i = 1; i <= n; i++) printf("%d%c", p[i], i == n ? '\n' : ' ');
    }
}
