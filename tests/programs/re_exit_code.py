# expect: RE
import sys
sys.exit(3)
