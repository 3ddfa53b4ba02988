#include <bits/stdc++.h>
using namespace std;
const long long MOD = 998244353;
int main() {
    int n, k;
    cin >> n >> k;
    vector<long long> dp(n + 1, 0), pre(n + 2, 0);
    dp[0] = 1; pre[1] = 1;
    for (int i = 1; i <= n; i++) {
        dp[i] = ((pre[i] - pre[max(0, i - k)]) % MOD + MOD) % MOD;
        pre[i + 1] = (pre[i] + dp[i]) % MOD;
    }
    cout << dp[n] << endl;
}
