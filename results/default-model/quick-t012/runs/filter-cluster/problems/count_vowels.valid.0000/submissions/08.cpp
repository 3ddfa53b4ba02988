#include <cstdio>
#include <cctype>
char s[200005];
int main() {
    int n;
    scanf("%d %s", &n, s);
    bool vowel[128] = {};
    for (const char *q = "aeiouy"; *q; q++) vowel[(int)*q] = true;
    long long ans = 0;
    for (int i = 0; i < n; i++) ans += vowel[(int)s[i]];
    printf("%lld\n", ans);
    return 0;
}
