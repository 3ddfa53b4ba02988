#include <bits/stdc++.h>
using namespace std;

int main() {
    int n;
    scanf("%d", &n);
    vector<int> h(n);
    for (int i = 0; i < n; i++) scanf("%d", &h[i]);
    long long total = 0;
    for (int i = 0; i < n; i++) {
        int j = i + 1;
        while (j < n && h[j] < h[i]) j++;
        total += (j < n) ? (j - i) : (n - 1 - i);
    }
    printf("%lld\n", total);
    return 0;
}
