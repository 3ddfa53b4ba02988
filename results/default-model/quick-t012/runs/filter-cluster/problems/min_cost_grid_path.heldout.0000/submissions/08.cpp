#include <bits/stdc++.h>
using namespace std;
int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int t = 1;
    while (t--) {
        int n;
        long long s;
        cin >> n >> s;
        vector<long long> a(n);
        for (auto &x : a) cin >> x;
        sort(a.begin(), a.end());
        long long best = -1;
        for (int j = n - 1; j > 0 && best < 0; j--)
            for (int i = j - 1; i >= 0 && best < 0; i--)
                if (a[i] + a[j] <= s) best = a[i] + a[j];
        if (best < 0) cout << "-1" << "\n";
    }
}
