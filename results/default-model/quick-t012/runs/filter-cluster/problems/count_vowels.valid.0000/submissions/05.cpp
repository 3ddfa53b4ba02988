#include <bits/stdc++.h>
using namespace std;

int main() {
    int n;
    string s;
    cin >> n >> s;
    const string V = "aeiou";
    int cnt = 0;
    for (char c : s)
        if (V.find(c) != string::npos) cnt++;
    cout << cnt << endl;
}
