def solve():
    n = int(input())
    h = list(map(int, input().split()))
    v = [0] * n
    for i in range(1, n):
        v[i] = h[i] - h[i - 1]
    return sum(v)

if __name__ == "__main__":
    solve()
