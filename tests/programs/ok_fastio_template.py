# expect: OK stdout=15
# The common "FastIO" template: sys.stdout replaced by an io.IOBase subclass that buffers until flushed.
import os
import sys
from io import BytesIO, IOBase


class FastIO(IOBase):
    def __init__(self, file):
        self._fd = file.fileno()
        self.buffer = BytesIO()
        self.writable = "x" in file.mode or "r" not in file.mode
        self.write = self.buffer.write if self.writable else None

    def flush(self):
        if self.writable:
            os.write(self._fd, self.buffer.getvalue())
            self.buffer.truncate(0), self.buffer.seek(0)


class IOWrapper(IOBase):
    def __init__(self, file):
        self.buffer = FastIO(file)
        self.flush = self.buffer.flush
        self.write = lambda s: self.buffer.write(s.encode("ascii"))


sys.stdout = IOWrapper(sys.stdout)
input()
print(sum(map(int, input().split())))
