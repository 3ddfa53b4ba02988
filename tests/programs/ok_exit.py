# expect: OK stdout=15
print(15)
exit()
print("not reached")
