import heapq
import sys
input = sys.stdin.readline


def solve():
    n, k = map(int, input().split())
    best = heapq.nsmallest(k, set(map(int, input().split())))
    return best[-1] if len(best) == k else -1


print(solve())
