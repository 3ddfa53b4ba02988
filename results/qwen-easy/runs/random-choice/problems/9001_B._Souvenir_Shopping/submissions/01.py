import sys

def solve():
    n, q = map(int, input().split())
    p = list(map(int, input().split()))
    b = list(map(int, input().split()))

    # Sort the prices in descending order
    p.sort(reverse=True)

    # Initialize the maximum number of different souvenirs
    max_souvenirs = 0

    # Iterate over each scenario
    for b_j in b:
        # Calculate the maximum number of different souvenirs Tom can buy
        max_souvenirs = max(max_souvenirs, b_j)

    # Print the maximum number of different souvenirs Tom can buy
    print(max_souvenirs)

if __name__ == "__main__":
    solve()
