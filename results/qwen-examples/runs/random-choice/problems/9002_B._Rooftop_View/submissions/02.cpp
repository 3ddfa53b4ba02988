#include <iostream>
#include <vector>

using namespace std;

int main() {
    int n;
    cin >> n;
    vector<int> h(n);
    for (int i = 0; i < n; ++i) {
        cin >> h[i];
    }

    int v[n];
    v[0] = h[0];
    for (int i = 1; i < n; ++i) {
        v[i] = h[i] - h[i - 1];
    }

    int ans = 0;
    for (int i = 1; i < n; ++i) {
        ans += v[i];
    }

    cout << ans;
    return 0;
}
