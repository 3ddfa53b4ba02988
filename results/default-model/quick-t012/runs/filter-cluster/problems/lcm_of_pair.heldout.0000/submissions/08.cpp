#include <bits/stdc++.h>
using namespace std;
int main() {
    int t; cin >> t; while (t--) {
        long long n, ans = 0;
        cin >> n;
        for (long long i = 1; i * i <= n; ++i)
            if (n % i == 0) ans += (i * i == n ? 1 : 2);
        cout << ans << "\n";
    }
}
