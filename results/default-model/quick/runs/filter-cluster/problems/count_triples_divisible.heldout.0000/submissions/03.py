import sys
from bisect import bisect_left
# find(max(range(1, a dp[1])
