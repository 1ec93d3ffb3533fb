import sys
def f(x):
    y = x
    return sys.getrefcount(x)
def g(x):
    y = x
    z = y
    return sys.getrefcount(x)
a = {}
print(f(a), g(a), sys.getrefcount(a))
