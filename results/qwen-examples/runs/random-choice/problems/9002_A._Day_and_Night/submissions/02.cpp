#include <iostream>
#include <vector>

using namespace std;

int main() {
    int n;
    cin >> n;
    vector<int> a(n), b(n);
    for (int i = 0; i < n; i++) cin >> a[i];
    for (int i = 0; i < n; i++) cin >> b[i];

    int max_coins = 0;
    int previous_day_shift = 0;

    for (int i = 0; i < n; i++) {
        int current_day_shift = a[i] + b[i];
        if (current_day_shift > previous_day_shift) {
            max_coins += current_day_shift;
            previous_day_shift = current_day_shift;
        } else {
            max_coins += previous_day_shift;
        }
    }

    cout << max_coins;
    return 0;
}
