# expect: TLE
# stdin is a file: EOF arrives, so this spins on empty reads rather than blocking.
import sys
while True:
    sys.stdin.readline()
