import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    h = list(map(int, data[1:1 + n]))
    total = 0
    # Going from right to left, `stack` holds the buildings that could still block a view from further left:
    # their heights strictly increase from the top of the stack to the bottom.
    stack = []
    for i in range(n - 1, -1, -1):
        hi = h[i]
        while stack and h[stack[-1]] < hi:
            stack.pop()
        total += stack[-1] - i if stack else n - 1 - i
        stack.append(i)
    print(total)


main()
