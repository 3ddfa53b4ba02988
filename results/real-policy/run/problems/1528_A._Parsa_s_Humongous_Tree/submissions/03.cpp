#include <iostream>
#include <vector>
#include <algorithm>
#include <limits>

// Function to find the maximum beauty for Parsa's tree
int maxBeauty(int n, std::vector<std::pair<int, int>>& edges) {
    // Sort edges by their first vertex
    std::sort(edges.begin(), edges.end());

    // Initialize variables
    int maxBeauty = 0;
    int currentBeauty = 0;
    int lastVertex = -1;
    std::vector<int> prefixSum(n, 0);

    // Iterate through edges
    for (const auto& edge : edges) {
        int u = edge.first;
        int v = edge.second;

        // Update prefix sum
        prefixSum[u] += edge.second - edge.first;
        prefixSum[v] += edge.second - edge.first;

        // Calculate current beauty
        currentBeauty = prefixSum[u] - prefixSum[v];

        // Update max beauty
        maxBeauty = std::max(maxBeauty, currentBeauty);
    }

    return maxBeauty;
}

int main() {
    // Read the number of test cases
    int t;
    std::cin >> t;

    // Process each test case
    for (int i = 0; i < t; ++i) {
        int n;
        std::cin >> n;

        // Read edge information
        std::vector<std::pair<int, int>> edges(n - 1);
        for (int j = 0; j < n - 1; ++j) {
            int u, v;
            std::cin >> u >> v;
            edges[j] = {u, v};
        }

        // Calculate and output the maximum beauty
        std::cout << maxBeauty(n, edges) << std::endl;
    }

    return 0;
}
