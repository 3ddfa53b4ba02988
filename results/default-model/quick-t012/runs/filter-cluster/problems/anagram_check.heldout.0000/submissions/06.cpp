#include <cstdio>
#include <cstring>
char s[200005];
int main() {
    int t; scanf("%d", &t); while (t--) {
        scanf("%s", s);
        int n = strlen(s);
        for (int i = 0, j; i < n; i = j) {
            for (j = i; j < n && s[j] == s[i]; j++) {}
            printf("%c%d", s[i], j - i);
        }
        putchar('\n');
    }
    return 0;
}
