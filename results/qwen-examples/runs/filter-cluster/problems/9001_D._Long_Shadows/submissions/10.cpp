#include <iostream>
#include <vector>
#include <cmath>

int main() {
    int n, alpha;
    std::cin >> n >> alpha;

    // Read the towers and their heights
    std::vector<std::pair<int, int>> towers;
    for (int i = 0; i < n; ++i) {
        int x, h;
        std::cin >> x >> h;
        towers.push_back({x, h});
    }

    double total_length = 0.0;

    // Calculate the total length of the shadow of at least one tower
    for (int i = 0; i < n; ++i) {
        int x = towers[i].first;
        int h = towers[i].second;

        // Calculate the shadow area
        double shadow_area = h * (x - alpha) * (x - alpha);

        // Add the shadow area to the total length
        total_length += shadow_area;
    }

    // Output the total length
    std::cout << total_length << std::endl;

    return 0;
}
