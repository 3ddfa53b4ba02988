#include <bits/stdc++.h>
using namespace std;

int n, m;
char g[505][505];
int d[505][505];

int main() {
    scanf("%d %d", &n, &m);
    for (int i = 0; i < n; i++) scanf("%s", g[i]);
    memset(d, -1, sizeof d);
    queue<pair<int, int>> q;
    for (int i = 0; i < n; i++)
        for (int j = 0; j < m; j++)
            if (g[i][j] == 'E') d[i][j] = 0, q.push({i, j});
    int dx[] = {1, -1, 0, 0}, dy[] = {0, 0, 1, -1};
    while (!q.empty()) {
        auto [x, y] = q.front();
        q.pop();
        for (int k = 0; k < 4; k++) {
            int a = x + dx[k], b = y + dy[k];
            if (a >= 0 && a < n && b >= 0 && b < m && g[a][b] != '#' && d[a][b] == -1) {
                d[a][b] = d[x][y] + 1;
                q.push({a, b});
            }
        }
    }
    int ans = 0;
    for (int i = 0; i < n; i++)
        for (int j = 0; j < m; j++)
            if (g[i][j] == 'P') ans = max(ans, d[i][j]);
    printf("%d\n", ans);
}
