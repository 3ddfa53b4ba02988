#include <iostream>
#include <vector>
#include <string>

int main() {
    int n, m;
    std::cin >> n >> m;

    std::vector<std::vector<char>> grid(n, std::vector<char>(m));
    for (int i = 0; i < n; ++i) {
        std::cin >> grid[i];
    }

    int seconds = 0;
    int numEmployees = 0;

    for (int i = 0; i < n; ++i) {
        for (int j = 0; j < m; ++j) {
            if (grid[i][j] == 'E') {
                numEmployees++;
                seconds++;
            }
        }
    }

    if (numEmployees == 0) {
        std::cout << 0;
        return 0;
    }

    int exitCount = 0;
    for (int i = 0; i < n; ++i) {
        for (int j = 0; j < m; ++j) {
            if (grid[i][j] == '.') {
                exitCount++;
            }
        }
    }

    if (exitCount == 0) {
        std::cout << -1;
        return 0;
    }

    return seconds;
}
