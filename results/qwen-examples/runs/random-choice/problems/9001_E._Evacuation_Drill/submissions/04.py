import sys

def main():
    # Read input
    n, m = map(int, input().split())
    grid = [list(input().strip()) for _ in range(n)]
    employees = []

    # Read employees' positions
    for _ in range(n):
        row = input().strip()
        for col in range(m):
            if row[col] == 'P':
                employees.append((col, row))

    # Check if there are no employees
    if not employees:
        print(0)
        return

    # Find the shortest path to an exit
    def bfs(x, y):
        queue = [(x, y)]
        visited = set()
        distance = 0

        while queue:
            distance += 1
            for _ in range(len(queue)):
                x, y = queue.pop(0)
                if (x, y) in visited:
                    continue
                visited.add((x, y))

                # Explore all possible directions
                for dx, dy in [(-1, 0), (1, 0), (0, -1), (0, 1)]:
                    nx, ny = x + dx, y + dy
                    if 0 <= nx < n and 0 <= ny < m and (nx, ny) not in visited:
                        queue.append((nx, ny))

        return distance

    # Find the minimum number of seconds to reach an exit
    min_seconds = float('inf')
    for employee in employees:
        min_seconds = min(min_seconds, bfs(employee[0], employee[1]))

    # Print the result
    if min_seconds == float('inf'):
        print(-1)
    else:
        print(min_seconds)

if __name__ == "__main__":
    main()
