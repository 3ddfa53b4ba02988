import sys
from math import sqrt

def find_kth_divisor(n, k):
    divisors = []
    for i in range(1, int(sqrt(n)) + 1):
        if n % i == 0:
            divisors.append(i)
            if i != n // i:
                divisors.append(n // i)
    divisors.sort()
    if k > len(divisors):
        return -1
    else:
        return divisors[k - 1]

# Read input
n, k = map(int, sys.stdin.read().split())

# Print output
print(find_kth_divisor(n, k))
