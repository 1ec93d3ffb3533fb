import gc
import weakref

class RefCycle:
    def __init__(self):
        self.cycle = self

gc.disable()
gc.collect()
items = [RefCycle() for i in range(20)]
wk = weakref.WeakKeyDictionary((o, 1) for o in items)
wv = weakref.WeakValueDictionary((i, o) for i, o in enumerate(items))
print(len(wk), len(wv))
del items
print("cycles still alive:", len(wk), len(wv))
n = gc.collect()
print("collected:", n)
print("after collect:", len(wk), len(wv))
gc.enable()
