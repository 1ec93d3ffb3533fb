import sys
def f():
    return 1
print("function:", sys.getrefcount(f))
g = f
print("alias:", sys.getrefcount(f))
table = {"f": f, "g": f}
print("in dict:", sys.getrefcount(f))
del g, table
print("after dels:", sys.getrefcount(f))
def rec(n):
    return rec if n == 0 else rec(n - 1)
print("recursive function:", sys.getrefcount(rec))
