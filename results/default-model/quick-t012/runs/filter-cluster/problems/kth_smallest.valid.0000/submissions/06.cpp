#include <cstdio>
#include <algorithm>
#include <functional>
#include <set>
#include <functional>
int main() {
    int n, k;
    scanf("%d %d", &n, &k);
    std::vector<int> a(n);
    for (int i = 0; i < n; i++) scanf("%d", &a[i]);
    std::set<int, std::less<int>> s(a.begin(), a.end());
    if ((int)s.size() < k) { printf("-1\n"); return 0; }
    printf("%d\n", *std::next(s.begin(), k - 1));
}
