def solve():
    # Read input
    s = input()
    p = input()
    q = int(input())

    # Read input for each question
    for _ in range(q):
        l, r = map(int, input().split())
        # Calculate the number of imprints
        imprints = len(s[l:r])
        # Output the result
        print(imprints)

# Call the function
solve()
