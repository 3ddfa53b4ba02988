import sys
input = sys.stdin.read

def find_souvenirs(p, b, q):
    n = len(p)
    max_souvenirs = 0
    for i in range(n):
        if b[i] > 0:
            if max_souvenirs < i + 1:
                max_souvenirs = i + 1
    return max_souvenirs

if __name__ == "__main__":
    n, q = map(int, input().split())
    p = list(map(int, input().split()))
    b = list(map(int, input().split()))
    max_souvenirs = find_souvenirs(p, b, q)
    for _ in range(q):
        print(max_souvenirs)
