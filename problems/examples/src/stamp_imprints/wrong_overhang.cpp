#include <bits/stdc++.h>
using namespace std;

int main() {
    string s, p;
    cin >> s >> p;
    int n = s.size(), m = p.size();
    vector<int> pre(n + 1, 0);
    for (int i = 0; i < n; i++) {
        bool ok = i + m <= n;
        for (int k = 0; ok && k < m; k++)
            if (s[i + k] != p[k]) ok = false;
        pre[i + 1] = pre[i] + ok;
    }
    int q;
    scanf("%d", &q);
    while (q--) {
        int l, r;
        scanf("%d %d", &l, &r);
        printf("%d\n", pre[r] - pre[l - 1]);
    }
    return 0;
}
