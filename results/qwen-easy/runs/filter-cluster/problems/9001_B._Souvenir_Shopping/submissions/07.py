def solve():
    n, q = map(int, input().split())
    p = list(map(int, input().split()))
    b = list(map(int, input().split()))

    # Sort prices in descending order
    p.sort(reverse=True)

    # Sort budgets in ascending order
    b.sort()

    # Initialize the maximum number of different souvenirs Tom can buy
    max_souvenirs = 0

    # Iterate through each scenario
    for i in range(q):
        # Check if Tom can buy the current scenario
        if b[i] <= sum(p):
            # Update the maximum number of different souvenirs
            max_souvenirs = max(max_souvenirs, i + 1)

    # Print the maximum number of different souvenirs Tom can buy in the j-th scenario
    print(max_souvenirs)

# Call the function to solve the problem
solve()
