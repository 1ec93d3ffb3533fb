import weakref

class C:
    pass

calls = []
o = C()
r1 = weakref.ref(o, lambda ref: calls.append("r1"))
r2 = weakref.ref(o, lambda ref: calls.append("r2"))
r3 = weakref.ref(o, lambda ref: calls.append("r3"))
plain = weakref.ref(o)
print("count:", weakref.getweakrefcount(o))
del o
print("callbacks in order:", calls)
print("all dead:", r1() is None and r2() is None and r3() is None and plain() is None)
