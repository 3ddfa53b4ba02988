#include <iostream>
#include <cassert>

int lcm(int a, int b) {
    return (a / gcd(a, b)) * b;
}

int gcd(int a, int b) {
    while (b != 0) {
        int temp = b;
        b = a % b;
        a = temp;
    }
    return a;
}

int main() {
    int n;
    std::cin >> n;

    if (n <= 0) {
        std::cerr << "Input must be a positive integer." << std::endl;
        return 1;
    }

    int count = 0;
    for (int i = 1; i <= n; ++i) {
        for (int j = i; j <= n; ++j) {
            if (lcm(i, j) == n) {
                ++count;
            }
        }
    }

    std::cout << count << std::endl;

    return 0;
}
