s = input().strip()
p = input().strip()
n, m = len(s), len(p)
pre = [0] * (n + 1)
for i in range(n):
    pre[i + 1] = pre[i] + (1 if s[i:i + m] == p else 0)
q = int(input())
ans = []
for _ in range(q):
    l, r = map(int, input().split())
    ans.append(pre[r - m + 1] - pre[l - 1])
print("\n".join(map(str, ans)))
