#include <iostream>
using namespace std;

int main() {
    int t;
    cin >> t;
    for (int i = 1; i <= t; i++) {
        int n;
        cin >> n;
        string s;
        cin >> s;

        int remove = 0;
        for (int j = 1; j < n; j++) {
            if (s[j] == s[j - 1]) {
                remove++;
            }
        }

        cout << remove << endl;
    }
    return 0;
}
