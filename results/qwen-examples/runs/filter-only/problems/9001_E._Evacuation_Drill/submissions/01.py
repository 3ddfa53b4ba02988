def read_input():
    n, m = map(int, input().split())
    grid = []
    for _ in range(n):
        row = input().split()
        grid.append(row)

    exit_cell = None
    for i in range(n):
        for j in range(m):
            if grid[i][j] == 'E':
                exit_cell = (i, j)
                break

    return n, m, grid, exit_cell

def find_shortest_path(grid, exit_cell):
    directions = [(0, 1), (0, -1), (1, 0), (-1, 0)]  # right, left, down, up

    shortest_path = float
