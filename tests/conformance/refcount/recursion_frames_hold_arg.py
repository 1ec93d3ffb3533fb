import sys
def rec(x, n):
    if n == 0:
        return sys.getrefcount(x)
    return rec(x, n - 1)
obj = object()
for depth in range(5):
    print(depth, rec(obj, depth))
print(sys.getrefcount(obj))
