#include <cstdio>
#include <vector>
using namespace std;
int main() {
    int n, m;
    scanf("%d %d", &n, &m);
    vector<vector<int>> g(n + 1);
    for (int i = 0; i < m; i++) {
        int a, b;
        scanf("%d %d", &a, &b);
        g[a].push_back(b);
        g[b].push_back(a);
    }
    vector<char> vis(n + 1, 0);
    vector<int> st;
    int res = 0;
    for (int s = 1; s <= n; s++) {
        if (vis[s]) continue;
        res++;
        vis[s] = 1;
        st.push_back(s);
        while (!st.empty()) {
            int x = st.back();
            st.pop_back();
            for (int y : g[x])
                if (!vis[y]) vis[y] = 1, st.push_back(y);
        }
    }
    printf("%d\n", res - 1);
}
