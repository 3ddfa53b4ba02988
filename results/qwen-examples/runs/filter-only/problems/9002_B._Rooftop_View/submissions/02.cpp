#include <iostream>
#include <vector>

int main() {
    int n;
    std::cin >> n;

    std::vector<int> heights(n);
    for (int i = 0; i < n; ++i) {
        std::cin >> heights[i];
    }

    int sum = 0;
    for (int i = 1; i < n; ++i) {
        int j = i + 1;
        while (j < n && heights[j] >= heights[i]) {
            j++;
        }
        sum += j - i;
    }

    std::cout << sum << std::endl;

    return 0;
}
