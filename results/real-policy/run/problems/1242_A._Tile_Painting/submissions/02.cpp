#include <iostream>
using namespace std;

int main() {
    long long n;
    cin >> n;
    long long ans = 1;
    for (long long i = 2; i * i <= n; i++) {
        if (n % i == 0) {
            while (n % i == 0) n /= i;
            ans *= i;
        }
    }
    if (n > 1) ans *= n;
    cout << ans << endl;
    return 0;
}
