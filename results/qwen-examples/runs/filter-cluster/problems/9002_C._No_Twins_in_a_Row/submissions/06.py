def solve():
    # Read input
    n = int(input())
    a = list(map(int, input().split()))

    # Check if it's possible to arrange the cards
    if len(set(a)) != n:
        return -1

    # Try all possible permutations
    for i in range(1, n):
        for j in range(i + 1, n):
            if a[i] == a[j]:
                continue
            if a[i] > a[j]:
                a[i], a[j] = a[j], a[i]

    # Print the order of the cards
    print(' '.join(map(str, a)))

# Read the input
solve()
