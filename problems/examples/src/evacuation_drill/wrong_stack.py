import sys

input = sys.stdin.readline
n, m = map(int, input().split())
g = [input().strip() for _ in range(n)]
dist = [[-1] * m for _ in range(n)]
st = []
for i in range(n):
    for j in range(m):
        if g[i][j] == 'E':
            dist[i][j] = 0
            st.append((i, j))
while st:
    i, j = st.pop()
    for di, dj in ((1, 0), (-1, 0), (0, 1), (0, -1)):
        a, b = i + di, j + dj
        if 0 <= a < n and 0 <= b < m and g[a][b] != '#' and dist[a][b] == -1:
            dist[a][b] = dist[i][j] + 1
            st.append((a, b))
ans = 0
for i in range(n):
    for j in range(m):
        if g[i][j] == 'P':
            if dist[i][j] == -1:
                print(-1)
                sys.exit()
            ans = max(ans, dist[i][j])
print(ans)
