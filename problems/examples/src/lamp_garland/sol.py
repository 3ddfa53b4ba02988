import sys


def main():
    data = sys.stdin.read().split()
    t = int(data[0])
    out = []
    pos = 1
    for _ in range(t):
        n = int(data[pos])
        s = data[pos + 1]
        pos += 2
        if s.count(s[0]) == n:
            # One colour everywhere: only a single lamp may stay.
            out.append(n - 1)
            continue
        # Otherwise every maximal run of equal colours (on the circle) keeps exactly one lamp.
        equal = sum(1 for i in range(n) if s[i] == s[i - 1])
        out.append(equal)
    print("\n".join(map(str, out)))


main()
