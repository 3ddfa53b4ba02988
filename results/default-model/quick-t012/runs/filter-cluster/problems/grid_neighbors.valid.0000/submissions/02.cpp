#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n, m;
    cin >> n >> m;
    vector<string> g(n);
    for (auto &row : g) cin >> row;
    const vector<pair<int, int>> d = {{-1, -1}, {-1, 0}, {-1, 1}, {0, -1}, {0, 1}, {1, -1}, {1, 0}, {1, 1}};
    for (int i = 0; i < n; i++) {
        string row = g[i];
        for (int j = 0; j < m; j++) {
            if (g[i][j] == '*') continue;
            int k = 0;
            for (auto [dx, dy] : d) {
                int x = i + dx, y = j + dy;
                if (x >= 0 && x < n && y >= 0 && y < m && g[x][y] == '*') k++;
            }
            row[j] = '0' + k;
        }
        cout << row << '\n';
    }
}
