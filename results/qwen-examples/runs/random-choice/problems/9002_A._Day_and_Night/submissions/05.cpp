#include <iostream>
#include <vector>

int main() {
    int n;
    std::cin >> n;

    // Read the pay for the day shifts
    std::vector<int> a(n);
    for (int i = 0; i < n; ++i) {
        std::cin >> a[i];
    }

    // Read the pay for the night shifts
    std::vector<int> b(n);
    for (int i = 0; i < n; ++i) {
        std::cin >> b[i];
    }

    // Initialize the maximum total pay
    int maxTotalPay = 0;

    // Iterate through each day
    for (int i = 0; i < n; ++i) {
        // If Bob works the day shift of the current day, he cannot work the day shift of the next day
        if (i < n - 1) {
            maxTotalPay = std::max(maxTotalPay, a[i] + b[i]);
        }
    }

    // Print the maximum total pay
    std::cout << maxTotalPay << std::endl;

    return 0;
}
