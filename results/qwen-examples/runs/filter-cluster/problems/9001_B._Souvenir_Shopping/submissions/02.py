import sys

def solve(n, q, p, b):
    # Sort the prices in descending order
    p.sort(reverse=True)

    # Initialize the result list
    result = [0] * q

    # Iterate over each scenario
    for i in range(q):
        # Find the maximum number of different souvenirs Tom can buy in the current scenario
        max_souvenirs = 0
        for j in range(n):
            if p[j] <= b[i]:
                max_souvenirs += 1
        result[i] = max_souvenirs

    # Print the result
    for r in result:
        print(r)

if __name__ == "__main__":
    # Read the input
    n, q = map(int, input().split())
    p = list(map(int, input().split()))
    b = list(map(int, input().split()))

    # Solve the problem
    solve(n, q, p, b)
