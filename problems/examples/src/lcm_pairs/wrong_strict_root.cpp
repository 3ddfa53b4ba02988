#include <bits/stdc++.h>
using namespace std;
typedef long long ll;

int main() {
    ll n;
    cin >> n;
    ll ans = 1;
    for (ll i = 2; i * i < n; i++) {
        if (n % i == 0) {
            int c = 0;
            while (n % i == 0) n /= i, c++;
            ans *= 2 * c + 1;
        }
    }
    if (n > 1) ans *= 3;
    cout << (ans + 1) / 2 << endl;
}
