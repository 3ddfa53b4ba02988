#include <iostream>
#include <vector>
#include <algorithm>

bool is_valid_order(std::vector<int>& cards) {
    for (size_t i = 0; i < cards.size() - 1; ++i) {
        if (cards[i] == cards[i + 1]) {
            return false;
        }
    }
    return true;
}

int main() {
    int n;
    std::cin >> n;
    std::vector<int> cards(n);
    for (int i = 0; i < n; ++i) {
        std::cin >> cards[i];
    }

    if (is_valid_order(cards)) {
        std::vector<int> result(n);
        for (size_t i = 0; i < n; ++i) {
            result[i] = cards[i];
        }
        std::sort(result.begin(), result.end());
        std::cout << result << std::endl;
    } else {
        std::cout << -1 << std::endl;
    }

    return 0;
}
