#include <iostream>
#include <vector>
#include <string>
#include <algorithm>

using namespace std;

int main() {
    string s, p;
    int q, n;
    cin >> s >> p >> q >> n;

    vector<int> segmentSizes(n);
    for (int i = 0; i < n; ++i) {
        cin >> segmentSizes[i];
    }

    vector<int> imprints;
    for (int i = 0; i < q; ++i) {
        int l, r;
        cin >> l >> r;
        imprints.push_back(l);
        imprints.push_back(r);
    }

    int result = 0;
    for (int i = 0; i < imprints.size(); ++i) {
        int start = imprints[i];
        int end = imprints[i + 1];
        if (start >= 1 && end <= s.size()) {
            result++;
        }
    }

    cout << result << endl;

    return 0;
}
