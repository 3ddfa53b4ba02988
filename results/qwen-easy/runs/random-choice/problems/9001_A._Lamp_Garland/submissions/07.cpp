#include <iostream>
#include <string>
#include <algorithm>
#include <vector>
#include <cassert>

int minLampsToRemove(const std::string& s) {
    int n = s.length();
    std::vector<int> left(n, 0);
    std::vector<int> right(n, 0);

    for (int i = 0; i < n; ++i) {
        if (s[i] == 'R') {
            left[i] = 1;
        } else if (s[i] == 'G') {
            right[i] = 1;
        }
    }

    int removed = 0;
    for (int i = 0; i < n; ++i) {
        if (left[i] == 1 && right[i] == 1) {
            removed++;
        }
    }

    return removed;
}

int main() {
    int t;
    std::cin >> t;

    while (t--) {
        int n;
        std::cin >> n;
        std::string s;
        std::cin >> s;

        int result = minLampsToRemove(s);
        std::cout << result << std::endl;
    }

    return 0;
}
