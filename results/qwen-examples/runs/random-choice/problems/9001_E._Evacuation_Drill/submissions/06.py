def count_seconds(grid):
    n, m = len(grid), len(grid[0])
    directions = [(-1, 0), (1, 0), (0, -1), (0, 1)]
    seconds = 0

    for i in range(n):
        for j in range(m):
            if grid[i][j] == 'P':
                for dx, dy in directions:
                    x, y = i + dx, j + dy
                    while 0 <= x < n and 0 <= y < m and grid[x][y] != 'E':
                        if grid[x][y] == 'P':
                            return seconds
                        x += dx
                        y += dy
                    seconds += 1

    return -1

if __name__ == "__main__":
    n, m = map(int, input().split())
    grid = [list(input().strip()) for _ in range(n)]
    print(count_seconds(grid))
