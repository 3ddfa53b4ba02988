import sys

def main():
    n, q = map(int, input().split())
    p = list(map(int, input().split()))
    b = list(map(int, input().split()))

    max_souvenirs = 0
    for i in range(q):
        max_souvenirs = max(max_souvenirs, sum(p[:i+1]))
        max_souvenirs = max(max_souvenirs, sum(b[:i+1]))

    print(max_souvenirs)

if __name__ == "__main__":
    main()
