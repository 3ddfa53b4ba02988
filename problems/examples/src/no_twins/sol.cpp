#include <bits/stdc++.h>
using namespace std;

// Greedy: always put down the value with the most cards left among those different from the previous card.
int main() {
    int n;
    if (scanf("%d", &n) != 1) return 0;
    map<int, int> counts;
    for (int i = 0; i < n; i++) {
        int x;
        scanf("%d", &x);
        counts[x]++;
    }
    int most = 0;
    for (auto& [value, count] : counts) most = max(most, count);
    if (most > (n + 1) / 2) {
        puts("-1");
        return 0;
    }
    priority_queue<pair<int, int>> heap;  // (cards left, value)
    for (auto& [value, count] : counts) heap.push({count, value});
    vector<int> result;
    result.reserve(n);
    while (!heap.empty()) {
        auto first = heap.top();
        heap.pop();
        if (!result.empty() && result.back() == first.second) {
            auto second = heap.top();  // exists: the counts stay feasible at every step
            heap.pop();
            result.push_back(second.second);
            if (--second.first > 0) heap.push(second);
            heap.push(first);
        } else {
            result.push_back(first.second);
            if (--first.first > 0) heap.push(first);
        }
    }
    string out;
    for (int i = 0; i < n; i++) {
        out += to_string(result[i]);
        out += i + 1 < n ? ' ' : '\n';
    }
    fputs(out.c_str(), stdout);
    return 0;
}
