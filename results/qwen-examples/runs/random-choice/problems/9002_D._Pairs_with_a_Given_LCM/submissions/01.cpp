#include <iostream>
#include <algorithm>
#include <vector>
#include <cmath>
#include <cassert>

using namespace std;

int lcm(int a, int b) {
    return abs(a * b) / gcd(a, b);
}

int main() {
    int n;
    cin >> n;

    int count = 0;
    for (int a = 1; a <= n; ++a) {
        for (int b = a + 1; b <= n; ++b) {
            if (lcm(a, b) == n) {
                count++;
            }
        }
    }

    cout << count << endl;

    return 0;
}
