import weakref

class C:
    pass

def callback(ref):
    print("callback should not run")

o = C()
r = weakref.ref(o, callback)
print("count:", weakref.getweakrefcount(o))
del r
print("count after the ref itself died:", weakref.getweakrefcount(o))
del o
print("no callback: the weakref died first")

class MyRef(weakref.ref):
    pass

o = C()
r1 = MyRef(o, callback)
r1.o = o
del o
print("ref subclass holds the only strong reference")
del r1
print("end")
