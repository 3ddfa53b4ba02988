#include <iostream>
#include <vector>
#include <algorithm>

int main() {
    // Read input values
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

    // Sort the prices and budgets in descending order
    std::sort(p.begin(), p.end());
    std::sort(b.begin(), b.end());

    // Initialize variables
    int max_souvenirs = 0;
    int current_souvenirs = 0;

    // Iterate through each scenario
    for (int i = 0; i < q; ++i) {
        // Calculate the maximum number of different souvenirs Tom can buy in this scenario
        current_souvenirs = 0;
        for (int j = 0; j < n; ++j) {
            if (p[j] <= b[i]) {
                current_souvenirs++;
            }
        }

        // Update the maximum number of different souvenirs Tom can buy
        max_souvenirs = std::max(max_souvenirs, current_souvenirs);
    }

    // Output the result
    for (int i = 0; i < q; ++i) {
        std::cout << max_souvenirs << " ";
    }

    return 0;
}
