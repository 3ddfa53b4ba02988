#include <iostream>
#include <vector>

int main() {
    long long n, k;
    std::cin >> n >> k;

    std::vector<int> divisors;
    for (int i = 1; i <= n; ++i) {
        if (n % i == 0) {
            divisors.push_back(i);
        }
    }

    if (divisors.size() < k) {
        std::cout << -1 << std::endl;
    } else {
        std::cout << divisors[k - 1] << std::endl;
    }

    return 0;
}
