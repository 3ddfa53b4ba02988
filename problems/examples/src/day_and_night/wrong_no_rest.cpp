#include <bits/stdc++.h>
using namespace std;

long long dpD[50005], dpN[50005];

int main() {
    int n;
    cin >> n;
    vector<long long> a(n + 1), b(n + 1);
    for (int i = 1; i <= n; i++) cin >> a[i];
    for (int i = 1; i <= n; i++) cin >> b[i];
    dpD[1] = a[1];
    dpN[1] = b[1];
    for (int i = 2; i <= n; i++) {
        dpD[i] = dpD[i - 1] + a[i];
        dpN[i] = max(dpD[i - 1], dpN[i - 1]) + b[i];
    }
    cout << max(dpD[n], dpN[n]) << endl;
}
