import weakref

class C:
    pass

calls = []

def callback(proxy):
    calls.append(type(proxy).__name__)

o = C()
o.bar = 1
p1 = weakref.proxy(o, callback)
p2 = weakref.proxy(o, callback)
print("distinct with callback:", p1 is not p2)
print("count:", weakref.getweakrefcount(o))
del o
print("callbacks:", calls)
for p in (p1, p2):
    try:
        p.bar
    except ReferenceError as e:
        print("ReferenceError:", e)
p3 = weakref.proxy(C())
try:
    bool(p3)
except ReferenceError as e:
    print("temporary referent already dead:", e)
