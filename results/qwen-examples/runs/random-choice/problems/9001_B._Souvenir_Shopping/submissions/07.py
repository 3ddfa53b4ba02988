import sys

def solve(n, q, prices, budgets):
    # Sort prices and budgets in descending order
    prices.sort(reverse=True)
    budgets.sort(reverse=True)

    # Initialize variables to track the maximum number of different souvenirs
    max_souvenirs = 0
    current_souvenirs = 0

    # Iterate through each budget
    for budget in budgets:
        # Update the current number of different souvenirs
        current_souvenirs += 1
        # If the current number of different souvenirs exceeds the maximum, update the maximum
        if current_souvenirs > max_souvenirs:
            max_souvenirs = current_souvenirs

    # Print the maximum number of different souvenirs Tom can buy
    print(max_souvenirs)

if __name__ == "__main__":
    # Read input
    n, q = map(int, input().split())
    prices = list(map(int, input().split()))
    budgets = list(map(int, input().split()))

    # Solve the problem
    solve(n, q, prices, budgets)
