import weakref

class C:
    pass

def bad_callback(ref):
    print("bad callback runs")
    raise KeyError("from callback")

def good_callback(ref):
    print("good callback runs")

o = C()
r1 = weakref.ref(o, good_callback)
r2 = weakref.ref(o, bad_callback)
del o
print("program continues")
o = C()
r3 = weakref.ref(o, lambda ref: 1 / 0)
o = None
print("end")
