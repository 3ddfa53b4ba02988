// expect: RE
#include <cstdio>
int main() {
    volatile int *p = nullptr;
    *p = 1;
    printf("unreachable\n");
}
