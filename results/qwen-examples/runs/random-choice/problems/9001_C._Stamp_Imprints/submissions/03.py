import sys

def count_imprints(s, p, q, questions):
    for q in range(q):
        l, r = map(int, input().split())
        if l <= r:
            imprints = 0
            for i in range(l, r + 1):
                imprints += s[i:i+len(p)] == p
            print(imprints)

# Read input
s = input()
p = input()
q = int(input())
questions = [int(input()) for _ in range(q)]

# Call the function
count_imprints(s, p, q, questions)
