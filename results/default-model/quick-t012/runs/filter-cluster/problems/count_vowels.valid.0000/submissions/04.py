import sys
from string import ascii_lowercase as abc
a, b = sys.stdin.read().split()
k, s = int(a), b
shift = -k % 26
table = str.maketrans(abc, abc[shift:] + abc[:shift])
print(s.translate(table))
