# expect: OK stdout=15
import threading
parts = []
lock = threading.Lock()
def add(k):
    with lock:
        parts.append(k)
threads = [threading.Thread(target=add, args=(k,)) for k in range(1, 6)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sum(parts))
