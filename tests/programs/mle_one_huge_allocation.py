# expect: MLE
block = bytearray(10**10)
print(len(block))
