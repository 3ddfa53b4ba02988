#include <iostream>
#include <vector>
#include <algorithm>
#include <unordered_set>

int main() {
    int n;
    std::cin >> n;
    std::vector<int> a(n);
    for (int i = 0; i < n; ++i) {
        std::cin >> a[i];
    }

    std::unordered_set<int> seen;
    for (int i = 0; i < n - 1; ++i) {
        if (seen.find(a[i]) != seen.end()) {
            std::cout << -1;
            return 0;
        }
        seen.insert(a[i]);
    }

    std::sort(a.begin(), a.end());
    for (int i = 0; i < n; ++i) {
        std::cout << a[i];
    }
    std::cout << std::endl;

    return 0;
}
