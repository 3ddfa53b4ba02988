import sys
from bisect import bisect_left

def lis(seq):
    d = []
    for v in seq:
        j = bisect_left(d, v)
        d[j:j + 1] = [v]
    return len(d)

data = sys.stdin.buffer.read().split()
t, pos = 1, 0
ans = []
for _ in range(t):
    n = int(data[pos])
    ans.append(lis(map(int, data[pos + 1:pos + 1 + n])))
    pos += n + 1
sys.stdout.write("\n".join(map(str, ans)) + "\n")
