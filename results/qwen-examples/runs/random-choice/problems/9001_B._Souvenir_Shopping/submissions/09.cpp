#include <iostream>
#include <vector>
#include <algorithm>

int main() {
    int n, q;
    std::cin >> n >> q;

    std::vector<int> p(n);
    std::vector<int> b(n);
    std::vector<int> max_souvenirs(q);

    for (int i = 0; i < n; ++i) {
        std::cin >> p[i];
    }
    for (int i = 0; i < n; ++i) {
        std::cin >> b[i];
    }

    // Sort the prices in descending order
    std::sort(p.begin(), p.end(), std::greater<int>());

    // Sort the budgets in descending order
    std::sort(b.begin(), b.end(), std::greater<int>());

    int current_budget = 0;
    int max_souvenirs = 0;

    for (int i = 0; i < q; ++i) {
        if (current_budget + p[i] <= b[i]) {
            current_budget += p[i];
            max_souvenirs = std::max(max_souvenirs, i + 1);
        } else {
            break;
        }
    }

    // Print the result
    for (int i = 0; i < q; ++i) {
        max_souvenirs = std::min(max_souvenirs, i + 1);
        std::cout << max_souvenirs << " ";
    }

    std::cout << std::endl;

    return 0;
}
