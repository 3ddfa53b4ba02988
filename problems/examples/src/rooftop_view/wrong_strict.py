import sys

def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    h = list(map(int, data[1:n + 1]))
    st = []
    ans = 0
    for i in range(n - 1, -1, -1):
        while st and h[st[-1]] <= h[i]:
            st.pop()
        if st:
            ans += st[-1] - i
        else:
            ans += n - 1 - i
        st.append(i)
    print(ans)

main()
