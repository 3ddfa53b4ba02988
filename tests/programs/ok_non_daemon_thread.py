# expect: OK stdout=15
# The main module ends before the thread prints: the interpreter waits for non-daemon threads.
import threading, time
def late():
    time.sleep(0.05)
    print(15)
threading.Thread(target=late).start()
