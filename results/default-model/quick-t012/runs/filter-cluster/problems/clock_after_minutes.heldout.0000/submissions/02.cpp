#include <bits/stdc++.h>
using namespace std;
int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    {
        string s;
        cin >> s;
        long long sum = 0;
        for (char c : s) sum += c - '0';
        
        cout << sum << "\n";
    }
}
