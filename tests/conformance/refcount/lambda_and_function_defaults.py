import sys
d = []
print("before:", sys.getrefcount(d))
f = lambda x=d: x
print("lambda default:", sys.getrefcount(d))
def g(a, b=d, c=d):
    return a
print("def with two defaults:", sys.getrefcount(d))
print("inside call using default:", (lambda x=d: sys.getrefcount(x))())
del f
print("after del lambda:", sys.getrefcount(d))
del g
print("after del def:", sys.getrefcount(d))
