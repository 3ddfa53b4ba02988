#include <bits/stdc++.h>
using namespace std;
int main(){
    int n, alpha;
    cin >> n >> alpha;
    vector<int> x(n), h(n);
    for(int i = 0; i < n; i++){
        cin >> x[i] >> h[i];
    }
    double ans = 0;
    for(int i = 0; i < n; i++){
        int left = x[i];
        int right = x[i] + h[i] * cos(alpha) / sin(alpha);
        if(left <= right){
            ans += right - left;
        }
    }
    cout << ans;
    return 0;
}
