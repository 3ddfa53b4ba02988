import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    a = data[1:1 + n]
    b = data[1 + n:1 + 2 * n]
    NEG = float("-inf")
    # Best totals so far, by what Bob did on the last day: day shift, night shift, rest.
    day, night, rest = NEG, NEG, 0
    for i in range(n):
        best = max(day, night, rest)
        day, night, rest = int(a[i]) + max(day, rest), int(b[i]) + best, best
    print(max(day, night, rest))


main()
