import sys
import math

def main():
    n, alpha = map(int, input().split())
    towers = []

    for _ in range(n):
        x, h = map(int, input().split())
        towers.append((x, h))

    total_length = 0
    for i in range(n):
        x, h = towers[i]
        for j in range(i + 1, n):
            x2, h2 = towers[j]
            if x2 <= x + h * math.cos(alpha):
                total_length += abs(x2 - x)

    print(total_length)

if __name__ == "__main__":
    main()
