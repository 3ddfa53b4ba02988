import sys

def solve():
    n, q = map(int, input().split())
    prices = list(map(int, input().split()))
    budget = list(map(int, input().split()))

    # Initialize the maximum number of different souvenirs Tom can buy
    max_souvenirs = 0

    # Iterate over each scenario
    for b in budget:
        # Initialize the maximum number of different souvenirs Tom can buy in this scenario
        max_souvenirs = max(max_souvenirs, sum(prices[:b]))

    # Print the maximum number of different souvenirs Tom can buy in each scenario
    for _ in range(q):
        print(max_souvenirs)

if __name__ == "__main__":
    solve()
