for _ in range(int(input())):
    s = input().strip()
    x = s.count("R") - s.count("L")
    y = s.count("U") - s.count("D")
    print(abs(x) + abs(y))
