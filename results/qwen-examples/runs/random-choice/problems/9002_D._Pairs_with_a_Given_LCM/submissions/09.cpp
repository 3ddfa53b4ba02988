#include <iostream>
#include <cmath> // For std::gcd

int main() {
    // Read the input
    int n;
    std::cin >> n;

    // Check if the input is valid
    if (n <= 0) {
        std::cerr << "Input must be a positive integer." << std::endl;
        return 1;
    }

    // Count the number of pairs (a, b) such that a ≤ b and lcm(a, b) = n
    int count = 0;
    for (int a = 1; a <= n; ++a) {
        for (int b = a; b <= n; ++b) {
            if (std::gcd(a, b) == n) {
                count++;
            }
        }
    }

    // Output the result
    std::cout << count << std::endl;

    return 0;
}
