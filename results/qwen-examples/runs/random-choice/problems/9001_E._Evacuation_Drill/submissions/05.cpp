#include <iostream>
#include <vector>
#include <limits>
#include <algorithm>

int main() {
    // Read input
    int n, m;
    std::cin >> n >> m;

    // Create a 2D vector to store the grid
    std::vector<std::vector<char>> grid(n, std::vector<char>(m));

    // Read the grid
    for (int i = 0; i < n; ++i) {
        for (int j = 0; j < m; ++j) {
            char ch;
            std::cin >> ch;
            grid[i][j] = ch;
        }
    }

    // Function to calculate the distance to an exit
    auto calculateDistanceToExit = [](const std::vector<std::vector<char>>& grid, int row, int col) {
        int distance = 0;
        while (row >= 0 && col >= 0 && row < grid.size() && col < grid[0].size() && grid[row][col] != 'E') {
            ++distance;
            row -= 1;
            col -= 1;
        }
        return distance;
    };

    // Function to find all employees that can reach an exit
    auto findEmployeesThatCanReachExit = [](const std::vector<std::vector<char>>& grid) {
        int employeesCount = 0;
        for (int i = 0; i < n; ++i) {
            for (int j = 0; j < m; ++j) {
                if (grid[i][j] ==
