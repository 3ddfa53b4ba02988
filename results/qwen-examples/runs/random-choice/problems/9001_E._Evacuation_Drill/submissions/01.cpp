#include <bits/stdc++.h>
using namespace std;

int main() {
    int n, m;
    cin >> n >> m;
    string plan[n][m];
    for (int i = 0; i < n; ++i) {
        for (int j = 0; j < m; ++j) {
            cin >> plan[i][j];
        }
    }

    int safe = 0;
    for (int i = 0; i < n; ++i) {
        for (int j = 0; j < m; ++j) {
            if (plan[i][j] == 'E') {
                safe++;
            }
        }
    }

    if (safe == 0) {
        cout << 0;
        return 0;
    }

    int seconds = 0;
    int dx[] = {1, -1, 0, 0};
    int dy[] = {0, 0, 1, -1};

    for (int i = 0; i < n; ++i) {
        for (int j = 0; j < m; ++j) {
            for (int d = 0; d < 4; ++d) {
                int nx = i + dx[d];
                int ny = j + dy[d];
                if (nx >= 0 && nx < n && ny >= 0 && ny < m && plan[nx][ny] != 'P' && plan[nx][ny] != 'E') {
                    seconds++;
                    break;
                }
            }
        }
    }

    cout << seconds;
    return 0;
}
