# expect: OK stdout=15 time=2
# The Codeforces idiom: a big thread stack and a raised recursion limit.
import sys, threading
sys.setrecursionlimit(10**6)
threading.stack_size(2**27)
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
def main():
    assert depth(300000) == 300000
    print(15)
thread = threading.Thread(target=main)
thread.start()
thread.join()
