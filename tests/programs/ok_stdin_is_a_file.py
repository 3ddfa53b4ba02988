# expect: OK stdout=15
# A judge's stdin is a regular, seekable file: programs may fstat it, seek it and read it twice.
import os, stat, sys
assert stat.S_ISREG(os.fstat(0).st_mode)
first = sys.stdin.buffer.read()
os.lseek(0, 0, os.SEEK_SET)
assert os.read(0, 1 << 20) == first and os.read(0, 10) == b""  # and EOF at the end
print(sum(map(int, first.split()[1:])))
