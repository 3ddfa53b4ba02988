#include <cstdio>
#include <algorithm>
#include <vector>
using namespace std;
int main() {
    int t; scanf("%d", &t);
    while (t--) {
        int n;
        long long x;
        scanf("%d %lld", &n, &x);
        vector<long long> a(n);
        for (int i = 0; i < n; i++) scanf("%lld", &a[i]);
        sort(a.begin(), a.end());
        long long ans = 0;
        for (int i = 0; i < n; i++)
            ans += upper_bound(a.begin() + i + 1, a.end(), x - a[i]) - (a.begin() + i + 1);
        printf("%lld\n", ans);
    }
}
