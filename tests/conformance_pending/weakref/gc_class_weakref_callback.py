import gc
import weakref

gc.disable()
gc.collect()

class A(object):
    pass

l = []
weakref.ref(int)
a = weakref.ref(A, l.append)
A = None
print("class still alive (its cycles):", a() is not None)
gc.collect()
print("after collect:", a(), l == [a], len(l))
gc.enable()
