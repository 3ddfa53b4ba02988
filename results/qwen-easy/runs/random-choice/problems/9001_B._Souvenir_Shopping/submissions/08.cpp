#include <iostream>
#include <vector>
#include <algorithm>
#include <limits>
#include <set>
#include <unordered_set>

int main() {
    int n, q;
    std::cin >> n >> q;
    std::vector<int> p(n), b(q);

    std::vector<int> dp(n + 1);

    // Read the prices and budgets
    for (int i = 0; i < n; ++i) {
        std::cin >> p[i];
    }
    for (int i = 0; i < q; ++i) {
        std::cin >> b[i];
    }

    // Sort the prices and budgets
    std::sort(p.begin(), p.end());
    std::sort(b.begin(), b.end());

    // Initialize the dp array
    dp[0] = 0;

    // Fill the dp array
    for (int i = 1; i <= n; ++i) {
        dp[i] = dp[i - 1];
        for (int j = 0; j < q; ++j) {
            if (b[j] <= i && dp[i - b[j]] < dp[i]) {
                dp[i] = dp[i - b[j]] + 1;
            }
        }
    }

    // Output the results
    for (int i = 0; i < q; ++i) {
        std::cout << dp[b[i]] << std::endl;
    }

    return 0;
}
