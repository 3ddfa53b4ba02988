#include <bits/stdc++.h>
using namespace std;

int main() {
    int t;
    cin >> t;
    for (int i = 0; i < t; ++i) {
        int n;
        cin >> n;
        string s;
        cin >> s;
        int removed = 0;
        for (int i = 1; i < n; ++i) {
            if (s[i] == s[i - 1]) {
                removed++;
            }
        }
        cout << removed << endl;
    }
    return 0;
}
