#include <iostream>
#include <vector>
#include <algorithm>

int main() {
    int n, q;
    std::cin >> n >> q;

    std::vector<int> p(n);
    std::vector<int> b(q);
    std::vector<int> max_count(n, 0);

    for (int i = 0; i < n; ++i) {
        std::cin >> p[i];
    }
    for (int i = 0; i < q; ++i) {
        std::cin >> b[i];
    }

    std::sort(p.begin(), p.end());
    std::sort(b.begin(), b.end());

    for (int i = 0; i < q; ++i) {
        int max_count_in_scenario = 0;
        int index = 0;
        for (int j = 0; j < n; ++j) {
            if (b[i] >= p[j]) {
                max_count_in_scenario++;
                index = j + 1;
            }
        }
        max_count[index - 1] = max_count_in_scenario;
    }

    for (int i = 0; i < q; ++i) {
        std::cout << max_count[i] << std::endl;
    }

    return 0;
}
