import sys

def min_lamps_to_remove(n, s):
    # Convert the input string to a list of integers
    lights = [int(c) for c in s]

    # Count the number of adjacent lamps of the same color
    adjacent_count = {}
    for i in range(n):
        if i > 0 and lights[i] == lights[i - 1]:
            adjacent_count[i] = adjacent_count.get(i - 1, 0) + 1
        if i < n - 1 and lights[i] == lights[i + 1]:
            adjacent_count[i] = adjacent_count.get(i + 1, 0) + 1

    # The number of lamps to remove is the sum of adjacent counts minus 1
    return sum(adjacent_count.values()) - 1

# Read the input
t = int(input())
for _ in range(t):
    n = int(input())
    s = input()
    result = min_lamps_to_remove(n, s)
    print(result)
