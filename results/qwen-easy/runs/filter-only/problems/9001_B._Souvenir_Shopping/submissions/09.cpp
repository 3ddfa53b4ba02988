#include <iostream>
#include <vector>
#include <algorithm>
#include <limits>

int main() {
    int n, q;
    std::cin >> n >> q;

    std::vector<int> p(n);
    std::vector<int> b(q);
    std::vector<int> dp(n + 1, 0);

    for (int i = 0; i < n; ++i) {
        std::cin >> p[i];
    }
    for (int i = 0; i < q; ++i) {
        std::cin >> b[i];
    }

    for (int i = 1; i <= n; ++i) {
        dp[i] = dp[i - 1];
        for (int j = 1; j <= b[i]; ++j) {
            dp[i] = std::max(dp[i], dp[i - j] + p[i - 1]);
        }
    }

    for (int i = 1; i <= q; ++i) {
        std::cout << dp[i] << std::endl;
    }

    return 0;
}
