# expect: MLE time=2
rows = []
while True:
    rows.append([0] * 100000)
