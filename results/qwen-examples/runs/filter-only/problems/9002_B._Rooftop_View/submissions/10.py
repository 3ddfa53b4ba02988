import sys

def main():
    # Read input
    n = int(input())
    h = list(map(int, input().split()))

    # Initialize the answer
    answer = 0

    # Iterate through the buildings
    for i in range(1, n):
        # Update the answer based on the heights of the buildings to the right
        answer += h[i] - h[i - 1]

    # Output the answer
    print(answer)

if __name__ == "__main__":
    main()
