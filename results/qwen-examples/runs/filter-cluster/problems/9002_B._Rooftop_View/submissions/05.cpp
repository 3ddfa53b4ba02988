#include <bits/stdc++.h>
using namespace std;
int main(){
    int n;
    cin>>n;
    vector<int> h(n);
    for(int i=0;i<n;i++){
        cin>>h[i];
    }
    int v[n];
    int sum=0;
    for(int i=0;i<n;i++){
        sum+=h[i];
        int j=i+1;
        while(j<n && h[j]>=h[i]){
            j++;
        }
        v[i]=j-i;
    }
    for(int i=0;i<n;i++){
        sum+=v[i];
    }
    cout<<sum;
    return 0;
}
