#include <bits/stdc++.h>
using namespace std;

int main() {
    int n, m;
    cin >> n >> m;

    vector<vector<char>> office(n, vector<char>(m));

    // Read the office grid
    for (int i = 0; i < n; ++i) {
        for (int j = 0; j < m; ++j) {
            char cell = getchar();
            office[i][j] = cell;
        }
        getchar(); // Consume newline
    }

    // Find the exit cells
    vector<pair<int, int>> exits;
    for (int i = 0; i < n; ++i) {
        for (int j = 0; j < m; ++j) {
            if (office[i][j] == 'E') {
                exits.push_back({i, j});
            }
        }
    }

    // If there are no exits, return -1
    if (exits.empty()) {
        return -1;
    }

    // Initialize variables
    int time = 0;
    int employeeCount = 0;

    // Iterate through each exit cell
    for (auto& exit : exits) {
        int currentRow = exit.first;
        int currentCol = exit.second;

        // Check all adjacent cells
        for (int dr = -1; dr <= 1; ++dr) {
            for (int dc = -1; dc <= 1; ++dc) {
                if (dr == 0 && dc == 0) continue; // Skip the current cell itself

                int newRow = currentRow + dr
