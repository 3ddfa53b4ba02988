#include <bits/stdc++.h>
using namespace std;

const long long coins[] = {100, 20, 10, 5, 1};

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int t; cin >> t;
    while (t--) {
        long long n, cnt = 0;
        cin >> n;
        for (long long c : coins) {
            cnt += n / c;
            n %= c;
        }
        cout << cnt << '\n';
    }
}
