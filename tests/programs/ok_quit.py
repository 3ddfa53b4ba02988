# expect: OK stdout=15
import sys
sys.stdout.write("15\n")
quit(0)
