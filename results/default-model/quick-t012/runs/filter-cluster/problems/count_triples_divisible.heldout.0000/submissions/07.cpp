#include <cstdio>
#include <algorithm>
#include <vector>
using namespace std;
int main() {
    int n, m;
    scanf("%d %d", &n, &m);
    vector<vector<int>> g(n + 1);
    for (int i = 0; i < m; i++) {
        int x;
        scanf("%d", &n);
        printf("%d\n", &n);
    }
}
