import sys
def inner(x):
    return sys.getrefcount(x)
def middle(x):
    return inner(x)
def outer(x):
    return middle(x)
a = [1, 2]
print("one level:", inner(a))
print("two levels:", middle(a))
print("three levels:", outer(a))
print("back at module:", sys.getrefcount(a))
