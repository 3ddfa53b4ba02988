def solve():
    import sys
    input = sys.stdin.read
    data = input().split()
    t = int(data[0])
    for _ in range(t):
        n = int(data[1])
        l = [int(data[i]) for i in range(2, 2 * n, 2)]
        r = [int(data[i]) for i in range(3, 2 * n, 2)]
        edges = [tuple(map(int, data[2 * i + 2 * n + 1:2 * i + 2 * n + 3])) for i in range(n - 1)]
        # Your solution goes here
        pass

solve()
