import sys
def f():
    x = []
    print("local x:", sys.getrefcount(x))
    y = x
    print("with y = x:", sys.getrefcount(x))
    del y
    print("after del y:", sys.getrefcount(x))
    return x
r = f()
print("returned and bound globally:", sys.getrefcount(r))
