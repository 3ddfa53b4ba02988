#include <bits/stdc++.h>
using namespace std;
int main(){
    string s, p;
    cin >> s >> p;
    int q = 0;
    cin >> q;
    while(q--){
        int l, r;
        cin >> l >> r;
        int n = r-l+1;
        if(n <= p.size()){
            int start = l;
            int end = l+n-1;
            for(int i=start; i<=end; i++){
                if(s[i] == p[i-start]){
                    start++;
                }
            }
            cout << start << endl;
        }
    }
    return 0;
}
