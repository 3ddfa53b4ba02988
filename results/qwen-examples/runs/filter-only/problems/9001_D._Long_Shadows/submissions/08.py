import math

def main():
    n, alpha = map(int, input().split())
    towers = [tuple(map(int, input().split())) for _ in range(n)]

    total_length = 0
    for i in range(n):
        x, h = towers[i]
        # Calculate the shadow area for the current tower
        shadow_area = h * (x + h * math.cos(alpha) / math.sin(alpha))
        # Add the shadow area to the total length
        total_length += shadow_area

    print(total_length)

if __name__ == "__main__":
    main()
