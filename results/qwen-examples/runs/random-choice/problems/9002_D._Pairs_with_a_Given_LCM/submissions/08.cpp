#include <iostream>
#include <algorithm>
#include <cassert>

int main() {
    int n;
    std::cin >> n;

    int count = 0;
    for (int a = 1; a <= n; ++a) {
        for (int b = a + 1; b <= n; ++b) {
            if (std::gcd(a, b) == n) {
                ++count;
            }
        }
    }

    std::cout << count << std::endl;
    return 0;
}
