#include <bits/stdc++.h>
using namespace std;
int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    {
        long long n, ans;
        cin >> n;
        ans = n;
        for (long long i = 2; i * i <= n; i++)
            if (n % i == 0) { ans = i; break; }
        cout << (n > 1 && ans == n ? "YES" : "NO") << endl;
    }
}
