import math
import sys

def main():
    n, alpha = map(int, input().split())
    towers = []

    for _ in range(n):
        x, h = map(int, input().split())
        towers.append((x, h))

    total_length = 0

    for i in range(n):
        x1, h1 = towers[i]
        x2, h2 = towers[(i + 1) % n]

        # Calculate the overlap length
        overlap_length = max(0, min(x2 - x1, h2 - h1))

        # Add the overlap length to the total length
        total_length += overlap_length

    print(total_length)

if __name__ == "__main__":
    main()
