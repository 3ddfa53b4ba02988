#include <iostream>
#include <vector>
#include <string>
#include <algorithm>

using namespace std;

int minRemoveToPretty(int n, string s) {
    vector<int> neighbors(n);
    for (int i = 0; i < n; ++i) {
        neighbors[i] = (i + 1) % n;
    }

    int removeCount = 0;
    for (int i = 0; i < n; ++i) {
        if (neighbors[i] == i) {
            continue;
        }
        neighbors[neighbors[i]] = i;
        neighbors[i] = neighbors[i] + n;
        removeCount++;
    }

    return removeCount;
}

int main() {
    int t;
    cin >> t;

    for (int i = 0; i < t; ++i) {
        int n;
        cin >> n;
        string s;
        cin >> s;

        int removeCount = minRemoveToPretty(n, s);
        cout << removeCount << endl;
    }

    return 0;
}
