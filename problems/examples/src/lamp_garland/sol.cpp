#include <bits/stdc++.h>
using namespace std;

int main() {
    int t;
    scanf("%d", &t);
    static char buf[200005];
    while (t--) {
        int n;
        scanf("%d %s", &n, buf);
        string s(buf);
        bool one_colour = count(s.begin(), s.end(), s[0]) == n;
        if (one_colour) {
            printf("%d\n", n - 1);
            continue;
        }
        int equal = 0;
        for (int i = 0; i < n; i++)
            if (s[i] == s[(i + 1) % n]) equal++;
        printf("%d\n", equal);
    }
    return 0;
}
