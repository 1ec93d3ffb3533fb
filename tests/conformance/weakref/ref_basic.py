import weakref

class C:
    def method(self):
        return "method result"

o = C()
r = weakref.ref(o)
print("alive:", r() is o)
print("call through:", r().method())
print(type(r).__name__, type(r) is weakref.ReferenceType, weakref.ref is weakref.ReferenceType)
del o
print("dead:", r())
print("dead is None:", r() is None)

def f():
    pass

rf = weakref.ref(f)
print("function alive:", rf() is f)
del f
print("function dead:", rf())
rc = weakref.ref(C)
print("class alive:", rc() is C)
