#include <iostream>
#include <vector>
#include <algorithm>

using namespace std;

int main() {
    // Read the input strings
    string s;
    cin >> s;

    string p;
    cin >> p;

    int q;
    cin >> q;

    // Convert strings to vectors for easy manipulation
    vector<char> sVec(s.begin(), s.end());
    vector<char> pVec(p.begin(), p.end());

    // Sort the strings for efficient comparison
    sort(sVec.begin(), sVec.end());
    sort(pVec.begin(), pVec.end());

    // Process each question
    for (int i = 0; i < q; ++i) {
        int l, r;
        cin >> l >> r;

        // Calculate the length of the segment
        int segmentLength = r - l + 1;

        // Find the first position that lies completely inside the segment
        int firstPosition = upper_bound(sVec.begin(), sVec.end(), s[l]) - sVec.begin();

        // If no position is found, the segment is empty
        if (firstPosition == sVec.end()) {
            cout << 0 << endl;
        } else {
            // Calculate the number of imprints that lie completely inside the segment
            int numImprints = segmentLength - (firstPosition - l);

            // Output the number of imprints
            cout << numImprints << endl;
        }
    }

    return 0;
}
