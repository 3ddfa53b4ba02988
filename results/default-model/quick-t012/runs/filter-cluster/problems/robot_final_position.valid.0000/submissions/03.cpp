#include <cstdio>
#include <cstdlib>
char s[200005];
int main() {
    {
        int n; scanf("%d %s", &n, s);
        int cnt[128] = {0};
        for (int i = 0; s[i]; i++) cnt[(int)s[i]]++;
        int x = cnt['R'] - cnt['L'], y = cnt['U'] - cnt['D'];
        printf("%d\n", abs(x) + abs(y));
    }
    return 0;
}
