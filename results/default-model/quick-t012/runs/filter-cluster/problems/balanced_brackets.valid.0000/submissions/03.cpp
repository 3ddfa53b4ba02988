#include <cstdio>
char s[200005], st[200005];
int main() {
    {
        scanf("%s", s);
        int top = 0;
        bool ok = true;
        for (int i = 0; s[i] && ok; i++) {
            char c = s[i];
            if (c == '(' || c == '[' || c == '{') st[top++] = c;
            else if (top > 0 && st[top - 1] == (c == ')' ? '(' : c - 2)) top--;
            else ok = false;
        }
        puts(ok && top == 0 ? "YES" : "NO");
    }
    return 0;
}
