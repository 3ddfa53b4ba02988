#include <bits/stdc++.h>
using namespace std;
const long long m = 1000000007;
int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    {
        long long a, b;
        cin >> a >> b;
        long long res = 1 % m;
        a %= m;
        for (; b > 0; b >>= 1) {
            if (b & 1) res = res * a % m;
            a = a * a % m;
        }
        cout << res << "\n";
    }
}
