import sys
from collections import Counter


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    counts = Counter(map(int, data[1:1 + n]))
    if max(counts.values()) > (n + 1) // 2:
        print(-1)
        return
    # Lay the values out grouped, the most frequent first, into places 1, 3, 5, ... and then 2, 4, 6, ...
    # A group that wraps from the odd places to the even ones is never long enough to touch itself.
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    places = list(range(0, n, 2)) + list(range(1, n, 2))
    result = [0] * n
    k = 0
    for value, count in ordered:
        for _ in range(count):
            result[places[k]] = value
            k += 1
    print(" ".join(map(str, result)))


main()
