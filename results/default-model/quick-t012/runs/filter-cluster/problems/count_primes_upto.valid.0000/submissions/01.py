import sys
from itertools import accumulate
from math import isqrt

nums = list(map(int, sys.stdin.buffer.read().split()))[1:]
top = max(nums)
sieve = bytearray([1]) * (top + 1)
sieve[0] = sieve[1] = 0
for i in range(2, isqrt(top) + 1):
    if sieve[i]:
        sieve[i * i::i] = bytes(len(range(i * i, top + 1, i)))
count = list(accumulate(sieve))
print("\n".join(str(count[n]) for n in nums))
