#include <iostream>
#include <vector>
#include <algorithm>
#include <limits>
#include <cmath>
#include <string>

int main() {
    int n, q;
    std::cin >> n >> q;

    // Read the prices of the souvenirs
    std::vector<int> prices(n);
    for (int i = 0; i < n; ++i) {
        std::cin >> prices[i];
    }

    // Read the budget for each scenario
    std::vector<int> budgets(q);
    for (int i = 0; i < q; ++i) {
        std::cin >> budgets[i];
    }

    // Sort the prices in descending order
    std::sort(prices.begin(), prices.end(), std::greater<int>());

    // Sort the budgets in descending order
    std::sort(budgets.begin(), budgets.end(), std::greater<int>());

    int max_souvenirs = 0;

    // Iterate through each budget and find the maximum number of different souvenirs Tom can buy
    for (int budget : budgets) {
        int count = 0;
        int i = 0;

        // Iterate through the prices and count the number of different souvenirs
        while (i < n && prices[i] <= budget) {
            ++count;
            ++i;
        }

        // Update the maximum number of different souvenirs Tom can buy
        max_souvenirs = std::max(max_souvenirs, count);
    }

    // Output the result
    std::cout << max_souvenirs << std::endl;

    return 0;
}
