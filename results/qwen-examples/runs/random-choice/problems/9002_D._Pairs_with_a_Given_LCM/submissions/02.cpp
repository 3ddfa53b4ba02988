#include <iostream>
#include <algorithm>
#include <numeric>

int lcm(int a, int b) {
    return (a / gcd(a, b)) * b;
}

int main() {
    int n;
    std::cin >> n;
    int count = 0;
    for (int i = 1; i <= n; ++i) {
        for (int j = i + 1; j <= n; ++j) {
            if (lcm(i, j) == n) {
                count++;
            }
        }
    }
    std::cout << count << std::endl;
    return 0;
}
