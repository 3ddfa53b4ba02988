// expect: RE
#include <cstdio>
int main() {
    int n;
    if (scanf("%d", &n) != 1) return 0;
    printf("%d\n", 1000 / (n - 5));  // the input starts with 5
}
