#include <bits/stdc++.h>
using namespace std;

int n, m;
vector<string> g;

// shortest distance from (sr, sc) to any exit, or -1
int bfs(int sr, int sc) {
    vector<int> dist(n * m, -1);
    queue<int> q;
    dist[sr * m + sc] = 0;
    q.push(sr * m + sc);
    while (!q.empty()) {
        int v = q.front();
        q.pop();
        int r = v / m, c = v % m;
        if (g[r][c] == 'E') return dist[v];
        int dr[4] = {1, -1, 0, 0}, dc[4] = {0, 0, 1, -1};
        for (int k = 0; k < 4; k++) {
            int nr = r + dr[k], nc = c + dc[k];
            if (nr < 0 || nr >= n || nc < 0 || nc >= m || g[nr][nc] == '#') continue;
            int u = nr * m + nc;
            if (dist[u] == -1) {
                dist[u] = dist[v] + 1;
                q.push(u);
            }
        }
    }
    return -1;
}

int main() {
    cin >> n >> m;
    g.resize(n);
    for (auto& s : g) cin >> s;
    int ans = 0;
    for (int r = 0; r < n; r++)
        for (int c = 0; c < m; c++)
            if (g[r][c] == 'P') {
                int d = bfs(r, c);
                if (d == -1) {
                    cout << -1 << endl;
                    return 0;
                }
                ans = max(ans, d);
            }
    cout << ans << endl;
}
