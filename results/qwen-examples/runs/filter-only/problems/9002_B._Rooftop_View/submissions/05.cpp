#include <iostream>
#include <vector>
#include <algorithm>

int main() {
    int n;
    std::cin >> n;

    std::vector<int> h(n);
    for (int i = 0; i < n; ++i) {
        std::cin >> h[i];
    }

    std::vector<int> v(n);
    v[0] = h[0]; // The first building sees the first building, so v[0] = h[0]

    for (int i = 1; i < n; ++i) {
        if (h[i] >= h[i - 1]) {
            v[i] = v[i - 1] + 1; // Alice sees the building of height i
        } else {
            v[i] = h[i]; // Alice sees all buildings to the right of building i
        }
    }

    int sum = 0;
    for (int i = 0; i < n; ++i) {
        sum += v[i];
    }

    std::cout << sum << std::endl;

    return 0;
}
