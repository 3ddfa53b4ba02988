// expect: OK stdout=15
#include <bits/stdc++.h>
using namespace std;
int main() {
    int n;
    cin >> n;
    long long s = 0, x;
    while (n-- && cin >> x) s += x;
    cout << s << "\n";
}
