#include <iostream>
#include <vector>
#include <algorithm>
#include <limits>
#include <cassert>

int main() {
    int n, q;
    std::cin >> n >> q;

    std::vector<long long> p(n);
    std::vector<long long> b(q);
    std::vector<int> max_souvenirs(n);

    for (int i = 0; i < n; ++i) {
        std::cin >> p[i];
    }

    for (int i = 0; i < q; ++i) {
        std::cin >> b[i];
    }

    std::sort(p.begin(), p.end());
    std::sort(b.begin(), b.end());

    int max_souvenirs_in_scenario = 0;

    for (int i = 0; i < q; ++i) {
        int current_souvenirs = 0;
        long long cost = b[i];
        long long remaining_budget = b[i];

        for (int j = 0; j < n; ++j) {
            if (cost <= p[j]) {
                current_souvenirs++;
                cost -= p[j];
            } else {
                break;
            }
        }

        max_souvenirs_in_scenario = std::max(max_souvenirs_in_scenario, current_souvenirs);
    }

    std::cout << max_souvenirs_in_scenario << std::endl;

    return 0;
}
