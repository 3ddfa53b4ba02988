// expect: MLE time=2
#include <bits/stdc++.h>
int main() {
    std::vector<long long> v;
    while (true) v.push_back(v.size());
}
