#include <bits/stdc++.h>
using namespace std;
int main() {
    int t; cin >> t; while (t--) {
        long long l, r, k;
        cin >> l >> r >> k;
        cout << r / k - (l - 1) / k << "\n";
    }
}
