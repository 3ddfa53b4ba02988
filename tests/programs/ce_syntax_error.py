# expect: CE
def main(:
    print(1)
