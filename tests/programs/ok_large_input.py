# expect: OK input=large time=2
import sys
data = sys.stdin.buffer.read().split()
print(sum(map(int, data[1:])))
