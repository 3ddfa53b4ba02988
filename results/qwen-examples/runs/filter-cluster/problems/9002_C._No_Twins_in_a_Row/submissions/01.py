def find_order(n, a):
    # Check if there is a valid order of cards
    if len(set(a)) != n:
        return -1

    # Find the first occurrence of each number
    num_count = {}
    for num in a:
        num_count[num] = num_count.get(num, 0) + 1

    # Find the maximum frequency
    max_freq = max(num_count.values())

    # Create a list of cards with the maximum frequency
    result = []
    for num, count in num_count.items():
        if count == max_freq:
            result.append(num)

    # Return the result as a list
    return result

# Read input
n = int(input())
a = list(map(int, input().split()))

# Find the order
order = find_order(n, a)

# Print the result
if order != -1:
    print(*order)
else:
    print(-1)
