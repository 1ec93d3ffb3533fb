import sys
def two(a, b):
    return sys.getrefcount(a)
def three(a, b, c):
    return sys.getrefcount(b)
obj = []
print(two(obj, obj))
print(three(obj, obj, obj))
print(two(obj, [obj]))
print(sys.getrefcount(obj))
