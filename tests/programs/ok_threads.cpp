// expect: OK stdout=15
#include <bits/stdc++.h>
int main() {
    std::atomic<int> total{0};
    std::vector<std::thread> threads;
    for (int k = 1; k <= 5; k++) threads.emplace_back([&total, k] { total += k; });
    for (auto &t : threads) t.join();
    std::cout << total << "\n";
}
