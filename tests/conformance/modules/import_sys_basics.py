import sys
print(sys.getrecursionlimit())
sys.setrecursionlimit(2000)
print(sys.getrecursionlimit())
sys.setrecursionlimit(1000)
print(sys.getrecursionlimit())
print(type(sys).__name__)
print(sys.getsizeof(0) == sys.getsizeof(1))
