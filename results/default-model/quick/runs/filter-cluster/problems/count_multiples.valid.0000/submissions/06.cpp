#include <bits/stdc++.h>
using namespace std;
int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int t; cin >> t;
    while (t--) {
        long long l, r, k;
        cin >> l >> r >> k;
        cout << r / k - (l - 1) / k << "\n";
    }
}
