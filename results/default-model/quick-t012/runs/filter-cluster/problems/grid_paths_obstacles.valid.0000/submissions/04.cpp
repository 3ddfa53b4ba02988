#include <cstdio>
const int M = 1000000007;
char row[1005];
int w[1005];
int main() {
    int n, m;
    scanf("%d %d", &n, &m);
    w[0] = 1;
    for (int i = 0; i < n; i++) {
        scanf("%s", row);
        for (int j = 0; j < m; j++) {
            if (row[j] == '*') w[j] = 0;
            else if (j > 0) w[j] = (w[j] + w[j - 1]) % M;
        }
    }
    printf("%lld\n", (long long)(w[m - 1]));
    return 0;
}
