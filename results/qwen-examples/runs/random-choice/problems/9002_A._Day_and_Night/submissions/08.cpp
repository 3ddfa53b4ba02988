#include <bits/stdc++.h>
using namespace std;

int main() {
    int n;
    cin >> n;
    vector<int> a(n), b(n);
    for (int i = 0; i < n; ++i) cin >> a[i];
    for (int i = 0; i < n; ++i) cin >> b[i];
    int maxPay = 0;
    for (int i = 0; i < n; ++i) {
        if (i > 0) {
            if (a[i] > a[i - 1] + b[i]) {
                maxPay = max(maxPay, a[i] + b[i - 1]);
            } else {
                maxPay = max(maxPay, a[i] + b[i]);
            }
        } else {
            maxPay = max(maxPay, a[i] + b[i]);
        }
    }
    cout << maxPay;
    return 0;
}
