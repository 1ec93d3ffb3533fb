import sys
a = []
print("a = []:", sys.getrefcount(a))
b = a
print("after b = a:", sys.getrefcount(a))
c = b
print("after c = b:", sys.getrefcount(a))
del b
print("after del b:", sys.getrefcount(a))
c = None
print("after c = None:", sys.getrefcount(a))
