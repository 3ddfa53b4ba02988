#include <iostream>
using namespace std;

int main() {
    long long n, k;
    cin >> n >> k;
    long long divisor = -1;
    long long i = 1;
    while (i <= n) {
        if (n % i == 0) {
            k--;
            if (k == 0) {
                divisor = i;
                break;
            }
        }
        i++;
    }
    cout << divisor;
    return 0;
}
