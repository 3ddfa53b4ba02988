#include <cstdio>
#include <cstring>
static char s[200005];
int main() {
    int t = 1;
    while (t--) {
        scanf("%s", s);
        int len = strlen(s), sum = 0;
        for (int i = 0; i < len; i++) sum += s[i] - '0';
        printf("%d\n", sum % 9 == 0 ? 9 : sum % 9);
    }
}
