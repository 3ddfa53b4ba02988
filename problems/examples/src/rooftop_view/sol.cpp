#include <bits/stdc++.h>
using namespace std;

int main() {
    int n;
    if (scanf("%d", &n) != 1) return 0;
    vector<long long> h(n);
    for (auto& x : h) scanf("%lld", &x);
    // indices of the buildings that may still block a view from the left; heights increase downwards
    vector<int> stack;
    long long total = 0;
    for (int i = n - 1; i >= 0; i--) {
        while (!stack.empty() && h[stack.back()] < h[i]) stack.pop_back();
        total += stack.empty() ? (n - 1 - i) : (stack.back() - i);
        stack.push_back(i);
    }
    printf("%lld\n", total);
    return 0;
}
