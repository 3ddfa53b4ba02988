# expect: OK stdout=15
# A module-level file object on fd 1 that the program never flushes: a real interpreter flushes it at exit.
import os

out = open(1, "w", closefd=False)
n = int(input())
out.write(str(sum(map(int, input().split()))) + "\n")
