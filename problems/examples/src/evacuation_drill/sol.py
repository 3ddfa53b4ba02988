import sys
from collections import deque


def main():
    data = sys.stdin.buffer.read().split()
    n, m = int(data[0]), int(data[1])
    width = m + 2
    # The plan with a border of walls, flattened: neighbours of cell c are c +- 1 and c +- width.
    cells = bytearray(b"#" * (width * (n + 2)))
    for r in range(n):
        start = (r + 1) * width + 1
        cells[start:start + m] = data[2 + r]
    wall, exit_, person = ord("#"), ord("E"), ord("P")
    dist = [-1] * len(cells)
    queue = deque()
    for c, ch in enumerate(cells):
        if ch == exit_:
            dist[c] = 0
            queue.append(c)
    # Breadth-first search from all exits at once: dist[c] is the distance to the nearest exit.
    steps = (1, -1, width, -width)
    while queue:
        c = queue.popleft()
        d = dist[c] + 1
        for step in steps:
            nb = c + step
            if dist[nb] < 0 and cells[nb] != wall:
                dist[nb] = d
                queue.append(nb)
    answer = 0
    for c, ch in enumerate(cells):
        if ch == person:
            if dist[c] < 0:
                answer = -1
                break
            answer = max(answer, dist[c])
    print(answer)


main()
