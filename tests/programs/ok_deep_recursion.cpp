// expect: OK stdout=15 time=2
// Two million frames: a judge gives the main thread a stack as large as the memory limit.
#include <bits/stdc++.h>
std::vector<int> parent;
__attribute__((noinline)) long long depth(int v) {
    volatile int pad[4] = {v, v, v, v};
    if (v == 0) return pad[0];
    return 1 + depth(parent[v]) + pad[3] - v;
}
int main() {
    const int n = 2000000;
    parent.resize(n);
    for (int i = 1; i < n; i++) parent[i] = i - 1;
    if (depth(n - 1) == n - 1) std::cout << 15 << "\n";
}
