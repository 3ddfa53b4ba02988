#include <iostream>
#include <vector>
#include <cmath>
#include <climits>

int main() {
    int n, α;
    std::cin >> n >> α;

    std::vector<std::pair<int, int>> towers;
    for (int i = 0; i < n; ++i) {
        int x, h;
        std::cin >> x >> h;
        towers.push_back({x, h});
    }

    int total_length = 0;
    int current_height = 0;

    for (const auto& tower : towers) {
        current_height += tower.second;
        if (current_height >= α) {
            total_length += (tower.first - current_height + 1) * (tower.second - α);
            current_height = 0;
        }
    }

    std::cout << total_length << std::endl;

    return 0;
}
