# expect: OK stdout=15
lines = open(0).read().split("\n")
print(sum(map(int, lines[1].split())))
