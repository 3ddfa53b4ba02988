#include <cstdio>
#include <vector>
#include <queue>
int main() {
    int n, m;
    scanf("%d %d", &n, &m);
    std::vector<std::vector<int>> adj(n + 1);
    while (m--) {
        int a, b;
        scanf("%d %d", &a, &b);
        adj[a].push_back(b);
    }
    std::vector<int> dist(n + 1, -1);
    std::queue<int> q;
    q.push(1);
    dist[1] = 0;
    while (!q.empty() && dist[n] < 0) {
        int v = q.front();
        q.pop();
        for (int to : adj[v])
            if (dist[to] == -1) dist[to] = dist[v] + 1, q.push(to);
    }
    printf("%d\n", dist[n] < 0 ? -1 : dist[n]);
}
