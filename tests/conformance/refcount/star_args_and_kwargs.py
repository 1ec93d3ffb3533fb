import sys
def pos(*args):
    return sys.getrefcount(args[0])
def kw(**kwargs):
    return sys.getrefcount(kwargs["x"])
def named(x):
    return sys.getrefcount(x)
a = []
print("*args:", pos(a))
print("keyword arg:", named(x=a))
print("**kwargs:", kw(x=a))
args = (a,)
print("f(*t):", named(*args))
print("after:", sys.getrefcount(a))
