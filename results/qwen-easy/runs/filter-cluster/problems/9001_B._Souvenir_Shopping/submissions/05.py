import sys

def solve():
    n, q = map(int, input().split())
    p = list(map(int, input().split()))
    b = list(map(int, input().split()))

    # Initialize variables
    max_souvenirs = 0
    best_souvenirs = 0

    # Iterate over each scenario
    for i in range(q):
        # Iterate over each scenario again
        for j in range(i + 1, q):
            # Calculate the total cost of the scenario
            total_cost = sum(p[j] for j in range(i, j + 1))

            # Check if the total cost is within the budget
            if total_cost <= b[i]:
                # Update the maximum number of souvenirs Tom can buy
                max_souvenirs = max(max_souvenirs, j + 1)

    # Output the result
    print(max_souvenirs)

# Read the input
solve()
