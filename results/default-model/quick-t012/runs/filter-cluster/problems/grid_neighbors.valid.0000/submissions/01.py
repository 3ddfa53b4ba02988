n, m = map(int, input().split())
g = [input().strip() for _ in range(n)]
d = [(-1, -1), (-1, 0), (-1, 1), (0, -1), (0, 1), (1, -1), (1, 0), (1, 1)]
for i in range(n):
    row = ""
    for j in range(m):
        if g[i][j] == "*":
            row += "*"
            continue
        k = 0
        for dx, dy in d:
            x, y = i + dx, j + dy
            if 0 <= x < n and 0 <= y < m and g[x][y] == "*":
                k += 1
        row += str(k)
    print(row)
