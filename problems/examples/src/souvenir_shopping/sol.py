import sys
from bisect import bisect_right
from itertools import accumulate


def main():
    data = sys.stdin.buffer.read().split()
    n, q = int(data[0]), int(data[1])
    prices = sorted(map(int, data[2:2 + n]))
    # prefix[k] = the cheapest possible total of k souvenirs: the k cheapest ones.
    prefix = [0] + list(accumulate(prices))
    budgets = map(int, data[2 + n:2 + n + q])
    print("\n".join(str(bisect_right(prefix, b) - 1) for b in budgets))


main()
