import sys
import heapq

# Read input
n, m = map(int, input().split())
grid = [list(input().strip()) for _ in range(n)]

# Priority queue to store tuples of (distance, (row, col))
heapq.heapify([(0, (0, 0))])

# Directions for moving in the grid
dx, dy = [0, 1, 0, -1], [1, 0, -1, 0]

# Function to perform a single round of movement
def move(x, y):
    for dx, dy in zip(dx, dy):
        nx, ny = x + dx, y + dy
        if 0 <= nx < n and 0 <= ny < m and grid[nx][ny] != '#':
            heapq.heappush(heapq, (grid[nx][ny], (nx, ny)))

# Main function to find the minimum number of seconds
def find_min_seconds():
    while heap:
        distance, (row, col) = heapq.heappop(heap)
        if row == n - 1 and col == m - 1:
            return distance
        for dx, dy in zip(dx, dy):
            nx, ny = row + dx, col + dy
            if 0 <= nx < n and 0 <= ny < m and grid[nx][ny] != '#':
                heapq.heappush(heap, (distance + 1, (nx, ny)))

# Output the result
result = find_min_seconds()
print(result if result != -1 else 0)
