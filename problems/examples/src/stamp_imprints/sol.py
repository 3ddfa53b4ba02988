import sys


def main():
    data = sys.stdin.buffer.read().split()
    s, p = data[0], data[1]
    n, m, q = len(s), len(p), int(data[2])
    # count[i] = number of imprints starting at positions 1..i (1-based)
    count = [0] * (n + 1)
    for i in range(n):
        count[i + 1] = count[i] + (1 if s.startswith(p, i) else 0)
    out = []
    pos = 3
    for _ in range(q):
        l, r = int(data[pos]), int(data[pos + 1])
        pos += 2
        last_start = r - m + 1  # the last start whose imprint still ends inside the segment
        out.append(count[last_start] - count[l - 1] if last_start >= l else 0)
    sys.stdout.write("\n".join(map(str, out)) + "\n")


main()
