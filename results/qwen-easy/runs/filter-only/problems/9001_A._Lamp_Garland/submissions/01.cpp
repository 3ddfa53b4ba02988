#include <bits/stdc++.h>
using namespace std;

int main() {
    int t;
    cin >> t;
    while (t--) {
        int n;
        cin >> n;
        string s;
        cin >> s;
        vector<int> arr(n);
        for (int i = 0; i < n; i++) {
            arr[i] = s[i] - 'R';
        }
        int ans = 0;
        for (int i = 0; i < n - 1; i++) {
            if (arr[i] == arr[i + 1]) {
                ans++;
            }
        }
        cout << ans << endl;
    }
    return 0;
}
