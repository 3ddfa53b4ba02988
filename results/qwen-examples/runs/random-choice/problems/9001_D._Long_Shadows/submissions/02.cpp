#include <iostream>
#include <vector>
#include <cmath>

int main() {
    int n, alpha;
    std::cin >> n >> alpha;

    std::vector<std::vector<int>> towers(n);
    for (int i = 0; i < n; ++i) {
        std::cin >> towers[i][0] >> towers[i][1];
    }

    double total_length = 0.0;

    for (int i = 0; i < n; ++i) {
        double height = towers[i][1];
        double left = towers[i][0];
        double right = left + height * std::cos(alpha) / std::sin(alpha);

        if (left < right) {
            total_length += right - left;
        }
    }

    std::cout << total_length << std::endl;

    return 0;
}
