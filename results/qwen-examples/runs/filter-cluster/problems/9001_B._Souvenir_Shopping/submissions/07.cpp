#include <bits/stdc++.h>
using namespace std;
int main(){
    int n, q;
    cin >> n >> q;
    vector<int> p(n), b(q);
    for(int i = 0; i < n; i++){
        cin >> p[i];
    }
    for(int i = 0; i < q; i++){
        cin >> b[i];
    }
    int ans = 0;
    for(int i = 0; i < n; i++){
        int tmp = p[i];
        int t = 0;
        for(int j = i + 1; j < n; j++){
            tmp += p[j];
            if(tmp <= b[j]){
                t++;
            }
        }
        ans = max(ans, t);
    }
    cout << ans;
    return 0;
}
