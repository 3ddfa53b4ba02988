#include <iostream>
#include <vector>
#include <cmath>

int main() {
    int n, α;
    std::cin >> n >> α;

    // Read the towers' positions and heights
    std::vector<std::pair<int, int>> towers(n);
    for (int i = 0; i < n; ++i) {
        int x, h;
        std::cin >> x >> h;
        towers[i] = {x, h};
    }

    // Calculate the height of the sun above the horizon
    double sun_height = cos(α) / sin(α);

    // Calculate the total length of the shadow
    int shadow_length = 0;
    for (int i = 0; i < n; ++i) {
        int x, h;
        std::cin >> x >> h;
        int shadow_x = x + h * cot(α);
        if (shadow_x >= 0) {
            shadow_length += shadow_x;
        }
    }

    // Print the total length of the shadow
    std::cout << shadow_length << std::endl;

    return 0;
}
