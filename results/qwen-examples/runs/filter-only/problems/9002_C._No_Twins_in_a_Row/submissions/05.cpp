#include <bits/stdc++.h>
using namespace std;

int main() {
    int n;
    cin >> n;
    vector<int> a(n);
    for (int i = 0; i < n; ++i) {
        cin >> a[i];
    }

    // Check if it's possible to arrange the cards in a row such that no two neighbouring cards show the same number
    int count[1000001] = {0};
    for (int i = 0; i < n; ++i) {
        count[a[i]]++;
        if (count[a[i]] > 1) {
            cout << -1;
            return 0;
        }
    }

    // Print the order of the cards
    for (int i = 0; i < n; ++i) {
        cout << a[i];
        if (i < n - 1) {
            cout << " ";
        }
    }
    cout << endl;

    return 0;
}
