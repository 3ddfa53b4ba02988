#include <cstdio>
#include <cstring>
#include <cctype>
static char s[200005];
int main() {
    {
        scanf("%s", s);
        int n = strlen(s);
        bool ok = true;
        for (int i = 0, j = n - 1; i < j; i++, j--)
            if (s[i] != s[j]) ok = false;
        puts(ok ? "YES" : "NO");
    }
}
