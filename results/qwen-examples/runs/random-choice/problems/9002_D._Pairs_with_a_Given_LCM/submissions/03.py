import math

def lcm(a, b):
    return abs(a*b) // math.gcd(a, b)

def count_pairs(n):
    count = 0
    for a in range(1, n + 1):
        for b in range(a, n + 1):
            if lcm(a, b) == n:
                count += 1
    return count

# Read input from standard input
n = int(input())

# Print the result
print(count_pairs(n))
