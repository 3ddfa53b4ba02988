#include <iostream>
#include <vector>
#include <limits>

int main() {
    int n;
    std::cin >> n;

    // Read the heights of the buildings
    std::vector<int> heights(n);
    for (int i = 0; i < n; ++i) {
        std::cin >> heights[i];
    }

    int v1 = 0;
    int v2 = 0;
    int v3 = 0;
    int v4 = 0;
    int v5 = 0;

    // Calculate the number of buildings Alice sees from the roof of each building
    for (int i = 0; i < n; ++i) {
        if (heights[i] >= heights[i + 1]) {
            v1++;
        } else if (heights[i] >= heights[i + 2]) {
            v2++;
        } else if (heights[i] >= heights[i + 3]) {
            v3++;
        } else if (heights[i] >= heights[i + 4]) {
            v4++;
        } else {
            v5++;
        }
    }

    // Calculate the sum of the buildings Alice sees
    int sum = v1 + v2 + v3 + v4 + v5;

    std::cout << sum << std::endl;

    return 0;
}
