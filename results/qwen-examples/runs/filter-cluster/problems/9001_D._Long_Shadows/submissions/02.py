import math

def main():
    n, alpha = map(int, input().split())
    towers = [tuple(map(int, input().split())) for _ in range(n)]
    shadow_heights = []

    # Calculate the shadow heights for each tower
    for i, (x, h) in enumerate(towers):
        shadow_heights.append(math.sqrt((x - alpha) ** 2 + h ** 2))

    # Calculate the total length of the shadow covered by at least one tower
    total_length = sum(shadow_heights)

    # Print the result
    print(total_length)

if __name__ == "__main__":
    main()
