#include <bits/stdc++.h>
#include <vector>
#include <algorithm>
#include <unordered_map>

using namespace std;

int main() {
    int n;
    cin >> n;

    // Read the numbers on the cards
    vector<int> cards(n);
    for (int i = 0; i < n; ++i) {
        cin >> cards[i];
    }

    // Sort the cards to find a suitable order
    sort(cards.begin(), cards.end());

    vector<int> result(n);
    int i = 0;
    for (int j = 0; j < n; ++j) {
        if (cards[j] != cards[(j + 1) % n]) {
            result[i] = cards[j];
            ++i;
        }
    }

    // Print the result
    for (int i = 0; i < n; ++i) {
        cout << result[i] << " ";
    }
    cout << endl;

    return 0;
}
