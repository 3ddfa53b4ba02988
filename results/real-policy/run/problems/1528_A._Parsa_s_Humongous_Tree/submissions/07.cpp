#include <iostream>
#include <vector>
#include <algorithm>
#include <cassert>

// Helper function to find the median of a vector
template<typename T>
T median(std::vector<T>& nums) {
    std::vector<T> sorted_nums = nums;
    std::sort(sorted_nums.begin(), sorted_nums.end());
    size_t n = sorted_nums.size();
    if (n % 2 == 1) {
        return sorted_nums[n / 2];
    } else {
        return (sorted_nums[n / 2 - 1] + sorted_nums[n / 2]) / 2;
    }
}

// Function to calculate the beauty of a tree
long long calculateBeauty(const std::vector<long long>& l, const std::vector<long long>& r) {
    long long beauty = 0;
    for (size_t i = 0; i < l.size(); ++i) {
        beauty += std::abs(l[i] - r[i]);
    }
    return beauty;
}

// Function to find the maximum beauty for a tree
long long findMaxBeauty(int n, const std::vector<long long>& l, const std::vector<long long>& r) {
    std::vector<long long> sorted_l = l;
    std::vector<long long> sorted_r = r;
    std::sort(sorted_l.begin(), sorted_l.end());
    std::sort(sorted_r.begin(), sorted_r.end());
    long long max_beauty = 0;

    for (size_t i = 0; i < n; ++i) {
        long long a = median(sorted_l);
        long long b = median(sorted_r);
        max_beauty += std::abs(a - b);
    }

    return max_beauty;
}

int main() {
    int t;
    std::cin >> t;
    for (int i = 0; i < t; ++i) {
        int n;
        std::cin >> n;
        std::vector<long long> l(n);
        std::vector<long long> r(n);
        for (int j = 0; j < n; ++j) {
            std::cin >> l[j] >> r[j];
        }
        long long max_beauty = findMaxBeauty(n, l, r);
        std::cout << max_beauty << std::endl;
    }
    return 0;
}
