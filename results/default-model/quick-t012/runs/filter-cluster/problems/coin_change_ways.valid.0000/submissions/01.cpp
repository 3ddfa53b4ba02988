#include <bits/stdc++.h>
using namespace std;
const long long MOD = 998244353;
int main() {
    int n, S;
    cin >> n >> S;
    vector<int> c(n);
    for (auto &x : c) cin >> x;
    vector<long long> dp(S + 1, 0);
    dp[0] = 1;
    for (int x : c)
        for (int s = S; s >= x; s--)
            dp[s] = (dp[s] + dp[s - x]) % MOD;
    cout << dp[S] << endl;
}
