#include <bits/stdc++.h>
using namespace std;

        int main() {
            int n, k;
            cin >> n >> k;
            vector<int> a(n);
            for (int &x : a) cin >> x;
            sort(a.begin(), a.end(), less<int>());
            a.erase(unique(a.begin(), a.end()), a.end());
            cout << (k <= (int)a.size() ? a[k - 1] : -1) << endl;
        }
