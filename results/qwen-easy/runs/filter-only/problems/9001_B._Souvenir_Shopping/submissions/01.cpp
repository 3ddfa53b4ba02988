#include <iostream>
#include <vector>
#include <algorithm>
#include <limits>

int main() {
    int n, q;
    std::cin >> n >> q;

    // Read the prices of the souvenirs
    std::vector<int> p(n);
    for (int i = 0; i < n; ++i) {
        std::cin >> p[i];
    }

    // Read the budget of Tom in each scenario
    std::vector<int> b(n);
    for (int i = 0; i < n; ++i) {
        std::cin >> b[i];
    }

    // Sort the prices and budgets
    std::sort(p.begin(), p.end());
    std::sort(b.begin(), b.end());

    int max_souvenirs = 0;

    // Iterate over each scenario
    for (int i = 0; i < q; ++i) {
        int budget = b[i];

        // Initialize the number of different souvenirs Tom can buy
        int different_souvenirs = 0;

        // Iterate over the prices and budgets to find the maximum number of different souvenirs
        for (int j = 0; j < n; ++j) {
            if (budget >= p[j]) {
                different_souvenirs++;
                budget -= p[j];
            }
        }

        // Print the maximum number of different souvenirs Tom can buy in the i-th scenario
        std::cout << different_souvenirs << std::endl;
    }

    return 0;
}
