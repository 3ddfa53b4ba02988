#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    cin >> n;
    vector<int> h(n);
    for (auto& x : h) cin >> x;
    stack<int> st;
    int ans = 0;
    for (int i = n - 1; i >= 0; i--) {
        while (!st.empty() && h[st.top()] < h[i]) st.pop();
        if (st.empty()) ans += n - 1 - i;
        else ans += st.top() - i;
        st.push(i);
    }
    cout << ans << "\n";
    return 0;
}
