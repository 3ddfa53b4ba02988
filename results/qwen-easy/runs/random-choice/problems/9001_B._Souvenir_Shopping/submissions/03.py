import sys

def main():
    # Read input
    n, q = map(int, input().split())
    p = list(map(int, input().split()))
    b = list(map(int, input().split()))

    # Initialize variables
    max_souvenirs = 0
    best_scenario = 0

    # Iterate over each scenario
    for i in range(q):
        # Calculate the total cost for the current scenario
        total_cost = sum(p[j] * b[j] for j in range(n))

        # Check if the total cost exceeds the budget
        if total_cost > b[i]:
            # If the current scenario is the best, update max_souvenirs
            max_souvenirs = max(max_souvenirs, i + 1)
            # Update best_scenario to the current scenario
            best_scenario = i + 1

    # Output the result
    print(max_souvenirs)

if __name__ == "__main__":
    main()
