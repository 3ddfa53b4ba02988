#include <bits/stdc++.h>
using namespace std;

int main() {
    int n, q;
    if (scanf("%d %d", &n, &q) != 2) return 0;
    vector<long long> p(n);
    for (auto& x : p) scanf("%lld", &x);
    sort(p.begin(), p.end());
    vector<long long> prefix(n + 1, 0);
    for (int i = 0; i < n; i++) prefix[i + 1] = prefix[i] + p[i];
    string out;
    for (int j = 0; j < q; j++) {
        long long b;
        scanf("%lld", &b);
        int k = int(upper_bound(prefix.begin(), prefix.end(), b) - prefix.begin()) - 1;
        out += to_string(k);
        out += '\n';
    }
    fputs(out.c_str(), stdout);
    return 0;
}
