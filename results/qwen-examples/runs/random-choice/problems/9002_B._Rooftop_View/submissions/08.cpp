#include <bits/stdc++.h>
using namespace std;

int main() {
    int n;
    cin >> n;
    vector<int> h(n);
    for (int i = 0; i < n; ++i) {
        cin >> h[i];
    }

    int v[n];
    for (int i = 0; i < n; ++i) {
        v[i] = 0;
        int j = i + 1;
        while (j < n && h[j] >= h[i]) {
            ++v[i];
            ++j;
        }
    }

    int sum = 0;
    for (int i = 0; i < n; ++i) {
        sum += v[i];
    }

    cout << sum;
    return 0;
}
