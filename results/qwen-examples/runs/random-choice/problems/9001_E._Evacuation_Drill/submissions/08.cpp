#include <iostream>
#include <vector>
#include <limits>
#include <utility>
#include <queue>

using namespace std;

int main() {
    int n, m;
    cin >> n >> m;

    // Read the grid
    vector<vector<char>> grid(n, vector<char>(m));
    for (int i = 0; i < n; ++i) {
        for (int j = 0; j < m; ++j) {
            char ch;
            cin >> ch;
            grid[i][j] = ch;
        }
    }

    // Directions for moving from a cell to an adjacent cell
    vector<pair<int, int>> directions = {
        {0, 1},  // Right
        {1, 0},  // Down
        {0, -1}, // Left
        {-1, 0}  // Up
    };

    // Priority queue to store the current position and the number of steps
    priority_queue<pair<int, int>, vector<pair<int, int>>, greater<pair<int, int>>> pq;
    pq.push({0, 0, 0}); // Start from the top-left corner with 0 steps

    // Union-find data structure to keep track of connected components
    vector<int> parent(n * m, -1);
    vector<int> rank(n * m, 0);

    while (!pq.empty()) {
        int x = pq.top().first;
        int y = pq.top().second
