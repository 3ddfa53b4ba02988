import sys

def solve():
    n, q = map(int, input().split())
    p = list(map(int, input().split()))
    b = list(map(int, input().split()))

    # Sort the prices and budgets
    p.sort()
    b.sort()

    # Initialize variables
    max_souvenirs = 0
    for i in range(q):
        # Calculate the maximum number of souvenirs Tom can buy in the current scenario
        max_souvenirs = max(max_souvenirs, b[i] // p[i])
        # If the remaining budget is insufficient, return the current maximum
        if b[i] % p[i] > 0:
            max_souvenirs = max(max_souvenirs, b[i] // p[i] + 1)

    # Print the maximum number of souvenirs Tom can buy in the j-th scenario
    print(max_souvenirs)

if __name__ == "__main__":
    solve()
