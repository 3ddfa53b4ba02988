import sys
n, s = sys.stdin.read().split()
vowels = set("aeiouy")
cnt = 0
for ch in s:
    if ch in vowels:
        cnt += 1
print(cnt)
