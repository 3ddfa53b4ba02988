def min_lamps_to_remove(n, s):
    # Initialize the minimum number of lamps to remove
    min_remove = n

    # Iterate through the string to find the first red and second blue lamps
    for i in range(n):
        if s[i] == 'R' and s[(i + 1) % n] == 'B':
            min_remove = min(min_remove, n - i - 1)

    return min_remove

# Read the number of test cases
t = int(input())
for _ in range(t):
    # Read the number of lamps
    n = int(input())

    # Read the string of lamps
    s = input()

    # Calculate the minimum number of lamps to remove
    min_lamps = min_lamps_to_remove(n, s)

    # Print the result
    print(min_lamps)
