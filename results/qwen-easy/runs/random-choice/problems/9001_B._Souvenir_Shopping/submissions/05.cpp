#include <iostream>
#include <vector>
#include <algorithm>

int main() {
    int n, q;
    std::cin >> n >> q;

    std::vector<int> p(n);
    std::vector<int> b(q);
    std::vector<int> max_souvenirs(q);

    // Read the prices and budgets
    for (int i = 0; i < n; ++i) {
        std::cin >> p[i];
    }
    for (int i = 0; i < q; ++i) {
        std::cin >> b[i];
    }

    // Sort the prices and budgets in descending order
    std::sort(p.begin(), p.end(), std::greater<int>());
    std::sort(b.begin(), b.end(), std::greater<int>());

    // Initialize the maximum number of souvenirs for each scenario
    for (int i = 0; i < q; ++i) {
        max_souvenirs[i] = 0;
    }

    // Iterate over each scenario
    for (int i = 0; i < q; ++i) {
        int budget = b[i];
        int max_souvenirs_current = 0;

        // Iterate over each price
        for (int j = 0; j < n; ++j) {
            if (budget >= p[j]) {
                max_souvenirs_current++;
                budget -= p[j];
            }
        }

        // Update the maximum number of souvenirs for the current scenario
        max_souvenirs[i] = max(max_souvenirs_current, max_souvenirs[i]);
    }

    // Print the maximum number of souvenirs for each scenario
    for (int i = 0; i < q; ++i) {
        std::cout << max_souvenirs[i] << " ";
    }

    return 0;
}
