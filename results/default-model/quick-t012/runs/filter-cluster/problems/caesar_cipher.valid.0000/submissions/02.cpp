#include <cstdio>
#include <cstring>
char s[200005];
int main() {
    int k;
    scanf("%d %s", &k, s);
    k %= 26;
    for (int i = 0; s[i]; i++) {
        int x = s[i] - 'a' - k;
        if (x >= 26) x -= 26;
        if (x < 0) x += 26;
        s[i] = 'a' + x;
    }
    puts(s);
    return 0;
}
