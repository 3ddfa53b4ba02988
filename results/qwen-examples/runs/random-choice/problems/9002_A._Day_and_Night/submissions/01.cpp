#include <bits/stdc++.h>
using namespace std;

int main() {
    int n;
    cin >> n;
    vector<int> a(n), b(n);

    for (int i = 0; i < n; ++i) {
        cin >> a[i] >> b[i];
    }

    int maxPay = 0;
    for (int i = 0; i < n; ++i) {
        maxPay = max(maxPay, a[i] + b[i]);
    }

    cout << maxPay;
    return 0;
}
