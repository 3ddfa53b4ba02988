import sys

def main():
    # Read input
    n, m = map(int, input().split())
    grid = [list(input().strip()) for _ in range(n)]

    # Directions for moving
    directions = [(-1, 0), (0, -1), (0, 1), (1, 0)]

    # Function to check if a cell is safe
    def is_safe(x, y):
        return grid[x][y] == '.' and grid[x][y] != 'E'

    # Function to find the minimum seconds to reach an exit
    def find_minimum_seconds():
        min_seconds = float('inf')
        for x in range(n):
            for y in range(m):
                if is_safe(x, y):
                    seconds = 0
                    for dx, dy in directions:
                        nx, ny = x + dx, y + dy
                        if 0 <= nx < n and 0 <= ny < m and is_safe(nx, ny):
                            seconds += 1
                    if seconds < min_seconds:
                        min_seconds = seconds
        return min_seconds if min_seconds != float('inf') else -1

    # Find the minimum seconds to reach an exit
    result = find_minimum_seconds()

    # Print the result
    print(result)

if __name__ == "__main__":
    main()
