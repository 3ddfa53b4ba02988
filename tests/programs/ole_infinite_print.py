# expect: OLE
while True:
    print("spam" * 100)
