import sys

def main():
    # Read input
    n, α = map(int, sys.stdin.readline().split())
    towers = []
    for _ in range(n):
        x, h = map(int, sys.stdin.readline().split())
        towers.append((x, h))

    # Sort towers by x-coordinate
    towers.sort()

    # Initialize variables
    total_length = 0
    current_height = 0

    # Iterate through the towers
    for i in range(n):
        # Calculate the shadow height for the current tower
        shadow_height = current_height * (1 / math.cos(math.radians(α)))

        # Update the total length
        total_length += shadow_height

        # Update the current height
        current_height = max(current_height, towers[i][1])

    # Output the total length
    print(total_length)

if __name__ == "__main__":
    main()
