// expect: MLE
#include <cstdio>
int a[400000000];
int main() {
    a[12345] = 7;
    printf("%d\n", a[12345]);
}
