import math

def calculate_total_length(n, alpha, towers):
    # Sort towers by x-coordinate to ensure the shadow coverage is correct
    towers.sort(key=lambda x: x[0])
    total_length = 0
    for i in range(n):
        # Calculate the shadow for the current tower
        shadow = (towers[i][1] * math.cos(alpha) / math.sin(alpha)) * (towers[i][0] + towers[i][1] * math.tan(alpha))
        # Add the shadow to the total length
        total_length += shadow
    return total_length

def main():
    # Read input values
    n, alpha = map(int, input().split())
    towers = []
    for _ in range(n):
        x, h = map(int, input().split())
        towers.append((x, h))

    # Calculate the total length of the street covered by shadows
    total_length = calculate_total_length(n, alpha, towers)

    # Print the total length
    print(total_length)

if __name__ == "__main__":
    main()
