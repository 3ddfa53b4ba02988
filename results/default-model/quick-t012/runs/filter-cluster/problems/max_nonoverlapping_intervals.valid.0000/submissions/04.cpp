#include <cstdio>
#include <algorithm>
#include <vector>
using namespace std;
struct Seg { int l, r; };
int main() {
    int t = 1;
    while (t--) {
        int n;
        scanf("%d", &n);
        vector<Seg> v(n);
        for (int i = 0; i < n; i++) scanf("%d %d", &v[i].l, &v[i].r);
        sort(v.begin(), v.end(), [](Seg a, Seg b) { return a.r < b.r; });
        int ans = 0;
        long long cur = -1;
        for (int i = 0; i < n; i++) {
            if (v[i].l >= cur) {
                ans++;
                cur = v[i].r;
            }
        }
        printf("%d\n", ans);
    }
}
