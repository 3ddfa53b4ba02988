from itertools import combinations

def angle(v1, v2):
    return v1[0]*v2[0] + v1[1]*v2[1] + v1[2]*v2[2] + v1[3]*v2[3] + v1[4]*v2[4]

def check_points(points):
    for i, p1 in enumerate(points):
        for j, p2 in enumerate(points):
            for k, p3 in enumerate(points):
                if i != j and j != k and k != i and angle(p1, p2) > 0 and angle(p2, p3) > 0 and angle(p3, p1) > 0:
                    return False
    return True

def main():
    n = int(input())
    points = [tuple(map(int, input().split())) for _ in range(n)]
    if check_points(points):
        print(1)
        print(1)
    else:
        print(0)

if __name__ == "__main__":
    main()
