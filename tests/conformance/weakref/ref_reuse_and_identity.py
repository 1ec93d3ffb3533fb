import weakref

class C:
    pass

def cb(ref):
    pass

o = C()
r1 = weakref.ref(o)
p = weakref.proxy(o)
r2 = weakref.ref(o)
print("refs without callback are shared:", r1 is r2)
r3 = weakref.ref(o, None)
print("callback None is the same as no callback:", r1 is r3)
r4 = weakref.ref(o, cb)
r5 = weakref.ref(o, cb)
print("with callback: r4 is r5, r4 is r1:", r4 is r5, r4 is r1)
print("but equal while alive:", r4 == r5, r4 == r1)
p2 = weakref.proxy(o)
print("proxies without callback are shared:", p is p2)
print("getweakrefcount:", weakref.getweakrefcount(o))
del p, p2
print("after dropping the proxy:", weakref.getweakrefcount(o))
del o
