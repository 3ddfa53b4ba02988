#include <bits/stdc++.h>
#include <vector>
#include <algorithm>

using namespace std;

int main() {
    int t;
    cin >> t;

    while (t--) {
        int n;
        cin >> n;
        string s;
        cin >> s;

        // Create a vector to store the indices of each color
        vector<int> colorIndices(n, -1);

        // Populate the colorIndices vector
        for (int i = 0; i < n; ++i) {
            if (s[i] == 'R') {
                colorIndices[i] = 0;
            } else if (s[i] == 'G') {
                colorIndices[i] = 1;
            } else if (s[i] == 'B') {
                colorIndices[i] = 2;
            }
        }

        // Find the minimum number of lamps to remove
        int minLampsToRemove = n;
        for (int i = 0; i < n - 1; ++i) {
            if (colorIndices[i] != colorIndices[i + 1]) {
                minLampsToRemove--;
            }
        }

        // Output the result
        cout << minLampsToRemove << endl;
    }

    return 0;
}
