import sys

# Read the input from standard input
input = sys.stdin.read

# Read the string s and p
s = input().strip()
p = input().strip()

# Read the number of questions
q = int(input())

# Read the imprints
imprints = []
for _ in range(q):
    l, r = map(int, input().strip().split())
    imprints.append((l, r))

# Initialize the count of imprints
count = 0

# Iterate over the imprints
for l, r in imprints:
    # Check if the segment [l, r] is completely inside the string s
    if l <= r and l + len(p) - 1 <= r:
        count += 1

# Print the count of imprints
print(count)
