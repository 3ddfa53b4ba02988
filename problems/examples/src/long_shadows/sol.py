import math
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, alpha = int(data[0]), int(data[1])
    angle = math.radians(alpha)
    cot = math.cos(angle) / math.sin(angle)
    shadows = sorted(
        (int(data[2 + 2 * i]), int(data[2 + 2 * i]) + int(data[3 + 2 * i]) * cot) for i in range(n)
    )
    total = 0.0
    left, right = shadows[0]
    for l, r in shadows[1:]:
        if l > right:  # a gap: the current union of shadows ends here
            total += right - left
            left, right = l, r
        elif r > right:
            right = r
    total += right - left
    print(f"{total:.9f}")


main()
