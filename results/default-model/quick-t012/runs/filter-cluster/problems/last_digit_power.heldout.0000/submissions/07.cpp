#include <cstdio>
int main() {
    int t = 1;
    while (t--) {
        unsigned long long a, b;
        scanf("%llu", &a);
        b = a + 1;
        if (a % 2 == 0) a /= 2; else b /= 2;
        printf("%llu\n", a * b);
    }
}
