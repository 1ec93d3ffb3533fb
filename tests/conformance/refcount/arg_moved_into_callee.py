import sys
def f(x):
    return sys.getrefcount(x)
a = []
print("global a:", sys.getrefcount(a))
print("inside callee:", f(a))
print("after call:", sys.getrefcount(a))
