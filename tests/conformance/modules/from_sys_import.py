from sys import getrefcount, getsizeof
from sys import getrecursionlimit as limit
x = []
print(getrefcount(x), getsizeof(x), limit())
import sys
print(getrefcount is sys.getrefcount, getsizeof is sys.getsizeof)
