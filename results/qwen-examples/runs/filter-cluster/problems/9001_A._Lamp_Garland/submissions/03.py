import sys

def min_lamps_to_remove(n, s):
    # If there are less than 3 lamps, it's impossible to make a pretty garland
    if n < 3:
        return n

    # Create a list of indices of the lamps
    lamp_indices = [i for i in range(n)]

    # Find the minimum number of lamps to remove to make the garland pretty
    remove_count = 0
    for i in range(n - 2):
        # Check if the current lamp and the next one have the same colour
        if s[lamp_indices[i]] == s[lamp_indices[i + 1]]:
            remove_count += 1

    return remove_count

# Read the input
t = int(input())
for _ in range(t):
    n = int(input())
    s = input()
    print(min_lamps_to_remove(n, s))
