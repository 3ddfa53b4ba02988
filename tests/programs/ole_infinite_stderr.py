# expect: OLE
import sys
while True:
    sys.stderr.write("noise" * 1000)
