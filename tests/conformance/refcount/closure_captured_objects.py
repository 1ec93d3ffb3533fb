import sys
def outer():
    v = []
    print("cell var inside outer:", sys.getrefcount(v))
    def inner():
        return v
    print("after inner defined:", sys.getrefcount(v))
    return inner
f = outer()
obj = f()
print("captured obj from global:", sys.getrefcount(obj))
g = outer()
print("other closure has its own:", sys.getrefcount(g()))
del f
print("after del f:", sys.getrefcount(obj))
