import sys

def main():
    t = int(sys.stdin.readline().strip())
    for _ in range(t):
        n = int(sys.stdin.readline().strip())
        arr = []
        for _ in range(n):
            l, r = map(int, sys.stdin.readline().strip().split())
            arr.append([l, r])
        edges = []
        for i in range(n-1):
            u, v = map(int, sys.stdin.readline().strip().split())
            edges.append([u, v])

        # Sort the edges by their lengths
        edges.sort(key=lambda x: x[1] - x[0])

        # Assign values to nodes such that the difference between the maximum and minimum values is maximized
        max_val = arr[0][1]
        min_val = arr[0][0]
        for i in range(1, n):
            max_val = max(max_val, arr[i][1])
            min_val = min(min_val, arr[i][0])

        # Assign values to nodes in the order of the edges
        for edge in edges:
            u, v = edge
            arr[u-1][1] = max_val
            arr[v-1][0] = min_val

        # Calculate the maximum beauty
        max_beauty = 0
        for edge in edges:
            u, v = edge
            max_beauty += max(arr[u-1][1] - arr[v-1][0], arr[v-1][1] - arr[u-1][0])

        print(max_beauty)

if __name__ == "__main__":
    main()
