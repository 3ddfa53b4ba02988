import sys

def main():
    # Read input
    n, q = map(int, input().split())
    p = list(map(int, input().split()))
    b = list(map(int, input().split()))

    # Initialize the maximum number of different souvenirs
    max_souvenirs = 0

    # Iterate over each scenario
    for b_j in b:
        # Calculate the maximum number of different souvenirs Tom can buy
        max_souvenirs = max(max_souvenirs, len(p) - (b_j // len(p)))

    # Print the result
    for _ in range(q):
        print(max_souvenirs)

if __name__ == "__main__":
    main()
