#include <cstdio>
const int M = 998244353;
int ways[50005], coin[105];
int main() {
    int n, S;
    scanf("%d %d", &n, &S);
    for (int i = 0; i < n; i++) scanf("%d", &coin[i]);
    ways[0] = 1;
    for (int i = 0; i < n; i++) {
        int c = coin[i];
        for (int s = S; s >= c; --s) {
            ways[s] += ways[s - c];
            if (ways[s] >= M) ways[s] -= M;
        }
    }
    printf("%d\n", ways[S]);
    return 0;
}
