import sys

def main():
    # Read input
    n, m = map(int, input().split())
    grid = [list(input().strip()) for _ in range(n)]

    # Directions for moving
    directions = [(0, 1), (1, 0), (0, -1), (-1, 0)]

    # Function to check if an employee can reach an exit
    def can_reach_exit(row, col):
        # Check if the exit is within the grid
        if row >= n or col >= m or row < 0 or col < 0:
            return False
        # Check if the employee is at an exit
        return grid[row][col] == 'E'

    # Function to calculate the minimum seconds
    def calculate_seconds(grid):
        seconds = 0
        # Iterate over each cell
        for i in range(n):
            for j in range(m):
                # Check if the cell is an employee
                if grid[i][j] == 'P':
                    # Check if the employee can reach an exit
                    if can_reach_exit(i, j):
                        seconds += 1
        return seconds

    # Calculate the minimum seconds
    min_seconds = calculate_seconds(grid)

    # Print the result
    if min_seconds == 0:
        print(0)
    else:
        print(min_seconds)

if __name__ == "__main__":
    main()
