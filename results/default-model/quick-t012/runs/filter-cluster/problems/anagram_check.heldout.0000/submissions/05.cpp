#include <cstdio>
#include <cstring>
char s[200005];
int main() {
    int t; scanf("%d", &t); while (t--) {
        scanf("%s", s);
        int n = strlen(s), best = 0, where = 0;
        for (int i = 0, j; i < n; i = j) {
            for (j = i; j < n && s[j] == s[i]; j++) {}
            if (j - i > best) { best = j - i; where = i + 1; }
        }
        printf("%d\n", best);
    }
    return 0;
}
