def solve(s, b, n, p):
    # Sort the prices in descending order
    p.sort(reverse=True)

    # Initialize the result list
    res = []

    # Iterate through each scenario
    for i in range(n):
        # Calculate the maximum number of different souvenirs Tom can buy
        max_souvenirs = 0
        for j in range(i, n):
            if b[j] >= p[i]:
                max_souvenirs += 1
                b[j] -= p[i]

        # Append the result to the list
        res.append(max_souvenirs)

    # Print the result
    print(' '.join(map(str, res)))

# Read the input
n, q = map(int, input().split())
p = list(map(int, input().split()))
b = list(map(int, input().split()))

# Solve the problem
solve(n, b, n, p)
