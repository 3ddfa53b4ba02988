import sys

def count_imprints(s, p, q):
    imprints = 0
    for i in range(len(s)):
        if s[i:i+len(p)] == p:
            imprints += 1
    return imprints

def main():
    s = input().strip()
    p = input().strip()
    q = int(input())
    for _ in range(q):
        l, r = map(int, input().strip().split())
        imprints = count_imprints(s, p, r)
        print(imprints)

if __name__ == "__main__":
    main()
