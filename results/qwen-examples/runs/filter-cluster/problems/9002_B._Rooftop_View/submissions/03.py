import sys

def main():
    # Read input
    n = int(sys.stdin.readline().strip())
    h = list(map(int, sys.stdin.readline().strip().split()))

    # Initialize the result
    result = 0

    # Iterate through the buildings
    for i in range(1, n):
        # Calculate the number of buildings Alice sees
        v = h[i - 1]
        # Add the number of buildings to the result
        result += v

    # Print the result
    print(result)

if __name__ == "__main__":
    main()
