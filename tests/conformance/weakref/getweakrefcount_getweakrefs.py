import weakref

class C:
    pass

def callback(ref):
    pass

o = C()
print("none:", weakref.getweakrefcount(o), len(weakref.getweakrefs(o)))
ref1 = weakref.ref(o)
ref2 = weakref.ref(o, callback)
print("two refs:", weakref.getweakrefcount(o), len(weakref.getweakrefs(o)))
proxy1 = weakref.proxy(o)
proxy2 = weakref.proxy(o, callback)
print("plus two proxies:", weakref.getweakrefcount(o), len(weakref.getweakrefs(o)))
refs = weakref.getweakrefs(o)
print("first is the basic ref:", refs[0] is ref1)
print("kinds:", [type(r).__name__ for r in refs])
del refs
del ref1, ref2, proxy1, proxy2
print("after del:", weakref.getweakrefcount(o), weakref.getweakrefs(o))
r1 = weakref.ref(o, callback)
r2 = weakref.ref(o, callback)
del r1
print("getweakrefs is [r2]:", weakref.getweakrefs(o) == [r2])
del r2
print("cleared:", weakref.getweakrefs(o))
r = weakref.ref(o)
del o
print("count of a dead ref's referent is not observable; ref is", r())
