from typing import *
from collections import *

class Solution:
    def kthDivisor(self, n: int, k: int) -> int:
        divs = [i for i in range(1, n+1) if n % i == 0]
        return divs[k-1] if len(divs) >= k else -1

if __name__ == "__main__":
    n, k = map(int, input().split())
    print(Solution().kthDivisor(n, k))
