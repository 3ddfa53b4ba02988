// expect: OLE
#include <cstdio>
int main() {
    while (true) printf("spam spam spam spam spam spam spam spam\n");
}
