# Read input
n, k = map(int, input().split())

# Function to find the k-th smallest divisor
def find_kth_divisor(n, k):
    if k > n:
        return -1
    for i in range(1, n + 1):
        if n % i == 0:
            k -= 1
            if k == 0:
                return i
    return -1

# Output the result
print(find_kth_divisor(n, k))
