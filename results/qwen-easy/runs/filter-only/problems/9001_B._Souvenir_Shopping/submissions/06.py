# Read input from standard input
n, q = map(int, input().split())
p = list(map(int, input().split()))
b = list(map(int, input().split()))

# Initialize variables
max_souvenirs = 0
for b_j in b:
    if b_j > max_souvenirs:
        max_souvenirs = b_j

# Output the result
print(max_souvenirs)
