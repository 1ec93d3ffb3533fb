import weakref

class C:
    pass

def callback(ref):
    print("callback: got the ref:", ref is r, "ref() is None:", ref() is None)

o = C()
r = weakref.ref(o, callback)
print("callback attribute:", r.__callback__ is callback)
print("deleting o")
del o
print("after del; __callback__ now:", r.__callback__)

o = C()
r = weakref.ref(o, callback)
print("rebinding o")
o = C()
print("after rebinding")
del o
print("no weakref on the second object: no callback")
