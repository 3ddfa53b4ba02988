import sys
def balanced(s):
    stack = []
    for c in s:
        i = "([{)]}".index(c)
        if i < 3:
            stack.append(i)
        elif not stack or stack.pop() != i - 3:
            return False
    return not stack
tokens = sys.stdin.read().split()[0:]
print("\n".join("YES" if balanced(s) else "NO" for s in tokens))
