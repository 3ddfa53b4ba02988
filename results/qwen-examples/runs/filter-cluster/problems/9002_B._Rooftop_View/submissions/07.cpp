#include <bits/stdc++.h>
using namespace std;

int main() {
    int n;
    cin >> n;
    vector<int> h(n);
    for (int i = 0; i < n; i++) {
        cin >> h[i];
    }

    int v = 0;
    for (int i = n - 1; i >= 0; i--) {
        if (h[i] >= h[i + 1]) {
            v += i + 1;
        }
    }

    cout << v;
    return 0;
}
