#include <iostream>
#include <vector>
#include <algorithm>
#include <limits>

int main() {
    // Read input
    int n, q;
    std::cin >> n >> q;

    // Read the prices of the souvenirs
    std::vector<int> prices(n);
    for (int i = 0; i < n; ++i) {
        std::cin >> prices[i];
    }

    // Read the budget in each scenario
    std::vector<int> budgets(q);
    for (int i = 0; i < q; ++i) {
        std::cin >> budgets[i];
    }

    // Sort the prices and budgets
    std::sort(prices.begin(), prices.end());
    std::sort(budgets.begin(), budgets.end());

    // Initialize the result vector
    std::vector<int> result(q, 0);

    // Iterate through each scenario
    for (int i = 0; i < q; ++i) {
        int budget = budgets[i];
        int max_souvenirs = 0;

        // Iterate through each price
        for (int j = 0; j < n; ++j) {
            // Check if the current price can be added to the budget
            if (budget >= prices[j]) {
                max_souvenirs++;
                budget -= prices[j];
            }
        }

        // Store the result for this scenario
        result[i] = max_souvenirs;
    }

    // Output the result
    for (int result : result) {
        std::cout << result << " ";
    }

    return
