"""Test inputs for Evacuation Drill: tiny offices, people cut off from every exit, mazes, maximum open offices."""

import random

MAX_SIDE = 500


def render(rows):
    return f"{len(rows)} {len(rows[0])}\n" + "".join(row + "\n" for row in rows)


def random_office(rng, n, m, walls, exits, people):
    cells = [["#" if rng.random() < walls else "." for _ in range(m)] for _ in range(n)]
    free = [(r, c) for r in range(n) for c in range(m)]
    for r, c in rng.sample(free, exits):
        cells[r][c] = "E"
    rest = [(r, c) for r, c in free if cells[r][c] != "E"]
    for r, c in rng.sample(rest, min(people, len(rest))):
        cells[r][c] = "P"
    return ["".join(row) for row in cells]


def snake(n, m):
    """A corridor that winds through the whole office: the exit at one end, an employee at the other."""
    rows = []
    for r in range(n):
        if r % 2 == 0:
            rows.append("." * m)
        elif r % 4 == 1:
            rows.append("#" * (m - 1) + ".")
        else:
            rows.append("." + "#" * (m - 1))
    rows[0] = "E" + rows[0][1:]
    last = rows[-1]
    rows[-1] = last[:-1] + "P" if (n - 1) % 4 == 0 else "P" + last[1:]
    return rows


def private_inputs():
    rng = random.Random(9001_5)
    tests = []
    tests.append(render(["P"]))  # nobody can leave: there is no exit
    tests.append(render(["E"]))  # nobody to evacuate
    tests.append(render(["P.#.E", "..#..", "P.#.P"]))  # people on both sides of a wall, one side has no exit
    tests.append(render(["PE", "EP"]))
    tests.append(render(random_office(rng, 8, 9, 0.25, 2, 10)))
    tests.append(render(random_office(rng, 40, 30, 0.3, 3, 60)))
    tests.append(render(["P" + "." * (MAX_SIDE - 2) + "E"]))  # one long row
    tests.append(render(snake(499, MAX_SIDE)))  # the longest possible route
    # maximum open office, one exit in a corner, thousands of people
    rows = random_office(rng, MAX_SIDE, MAX_SIDE, 0.0, 0, 25000)
    rows[0] = "E" + rows[0][1:]
    tests.append(render(rows))
    # maximum office with walls and several exits; everybody can leave
    rows = random_office(rng, MAX_SIDE, MAX_SIDE, 0.25, 40, 0)
    reachable = sorted(_reachable(rows))
    cells = [list(row) for row in rows]
    for r, c in rng.sample([rc for rc in reachable if cells[rc[0]][rc[1]] == "."], 3000):
        cells[r][c] = "P"
    tests.append(render(["".join(row) for row in cells]))
    # maximum office with dense walls: some people are locked in
    tests.append(render(random_office(rng, MAX_SIDE, MAX_SIDE, 0.42, 20, 500)))
    return tests


def _reachable(rows):
    """The cells from which some exit can be reached."""
    n, m = len(rows), len(rows[0])
    seen = {(r, c) for r in range(n) for c in range(m) if rows[r][c] == "E"}
    stack = list(seen)
    while stack:
        r, c = stack.pop()
        for nr, nc in ((r + 1, c), (r - 1, c), (r, c + 1), (r, c - 1)):
            if 0 <= nr < n and 0 <= nc < m and rows[nr][nc] != "#" and (nr, nc) not in seen:
                seen.add((nr, nc))
                stack.append((nr, nc))
    return seen


def validate(text):
    lines = text.split("\n")
    assert lines[-1] == "", "missing final newline"
    n, m = map(int, lines[0].split())
    assert 1 <= n <= MAX_SIDE and 1 <= m <= MAX_SIDE, "n or m out of range"
    assert len(lines) == n + 2, "wrong number of rows"
    for row in lines[1:1 + n]:
        assert len(row) == m and set(row) <= set("#.PE"), f"bad row {row[:20]}"
