def find_kth_divisor(n, k):
    if n < k:
        return -1

    factors = []
    for i in range(1, int(n**0.5) + 1):
        if n % i == 0:
            factors.append(i)
            if n // i != i:
                factors.append(n // i)

    factors.sort()
    return factors[k - 1] if k - 1 < len(factors) else -1

# Read input
n, k = map(int, input().split())

# Print the result
print(find_kth_divisor(n, k))
