def max_colors(n):
    # Base cases: if n is 1 or 2, only one color is needed
    if n <= 2:
        return 1

    # For n > 2, the maximum number of colors can be the smallest prime factor of n
    # Since n is composite, it must have at least one prime factor greater than 1
    # Therefore, the maximum number of colors is the smallest prime factor of n
    for i in range(2, int(n**0.5) + 1):
        if n % i == 0:
            return i

    # If n is a prime number greater than 2, the maximum number of colors is n itself
    return n

# Read input
n = int(input())

# Output the result
print(max_colors(n))
