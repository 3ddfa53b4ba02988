// expect: MLE time=2
// Each allocation succeeds under the address-space wall, but the resident peak passes the limit.
#include <bits/stdc++.h>
int main() {
    std::vector<char*> blocks;
    for (int i = 0; i < 270; i++) {
        char *p = (char *)malloc(1 << 20);
        if (!p) return 3;
        memset(p, 1, 1 << 20);
        blocks.push_back(p);
    }
    std::cout << blocks.size() << "\n";
}
