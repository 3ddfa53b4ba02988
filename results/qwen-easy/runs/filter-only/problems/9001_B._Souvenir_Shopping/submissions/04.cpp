#include <iostream>
#include <vector>
#include <algorithm>
#include <limits>

using namespace std;

int main() {
    int n, q;
    cin >> n >> q;

    // Read the prices of the souvenirs
    vector<int> prices(n);
    for (int i = 0; i < n; ++i) {
        cin >> prices[i];
    }

    // Read the budget for each scenario
    vector<int> budgets(q);
    for (int i = 0; i < q; ++i) {
        cin >> budgets[i];
    }

    // Sort the prices and budgets in descending order
    sort(prices.begin(), prices.end(), greater<int>());
    sort(budgets.begin(), budgets.end(), greater<int>());

    int max_souvenirs = 0;

    // Iterate through each scenario
    for (int i = 0; i < q; ++i) {
        int budget = budgets[i];
        int cost = 0;
        int different_souvenirs = 0;

        // Iterate through each price
        for (int j = 0; j < n; ++j) {
            if (budget >= prices[j]) {
                different_souvenirs++;
                budget -= prices[j];
            }
        }

        // Update the maximum number of different souvenirs
        max_souvenirs = max(max_souvenirs, different_souvenirs);
    }

    // Print the maximum number of different souvenirs
    for (int i = 0; i < q; ++i) {
        cout << max_souvenirs << endl;
    }

    return 0;
}
