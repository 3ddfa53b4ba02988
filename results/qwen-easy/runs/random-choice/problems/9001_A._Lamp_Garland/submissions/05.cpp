#include <iostream>
#include <vector>
#include <algorithm>

// Function to check if a string of lamps is pretty
bool isPretty(const std::string& s) {
    int n = s.size();
    for (int i = 1; i < n; ++i) {
        if (s[i] == s[i - 1]) {
            return false;
        }
    }
    return true;
}

// Function to find the minimum number of lamps to remove
int minLampsToRemove(int t) {
    std::vector<int> lamps(n);
    std::vector<int> removedLamps(n);

    // Read the input
    std::cin >> t;
    for (int i = 0; i < t; ++i) {
        std::cin >> n;
        std::cin >> s;
        lamps[i] = s[0];
        removedLamps[i] = 0;
    }

    // Sort the lamps
    std::sort(lamps.begin(), lamps.end());

    // Find the minimum number of lamps to remove
    int minRemove = 0;
    for (int i = 0; i < n; ++i) {
        if (lamps[i] == lamps[i - 1]) {
            ++minRemove;
        } else {
            minRemove = 1;
            break;
        }
    }

    // Print the result
    std::cout << minRemove << std::endl;

    return minRemove;
}

int main() {
    int t;
    std::cin >> t;

    for (int i = 0; i < t; ++i) {
        std::cout << minLampsToRemove(i + 1) << std::endl;
    }

    return 0;
}
