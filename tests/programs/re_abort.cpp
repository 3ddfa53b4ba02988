// expect: RE
#include <cassert>
int main() {
    int n = 1;
    assert(n == 2);
}
