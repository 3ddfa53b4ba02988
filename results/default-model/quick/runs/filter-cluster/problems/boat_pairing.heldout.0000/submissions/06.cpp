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
        for (int i = 0; i < n; i++) scanf("%d %d", &x, &x);
        scanf("%lld\n", &n + 1);
    }
}
