import gc

class ByRefcount:
    def __del__(self):
        print("refcount path, is_finalized inside __del__:", gc.is_finalized(self))

class ByGc:
    def __init__(self):
        self.me = self
    def __del__(self):
        print("gc path, is_finalized inside __del__:", gc.is_finalized(self))

gc.disable()
gc.collect()
print("not a GC object:", gc.is_finalized(3))
x = ByRefcount()
print("alive:", gc.is_finalized(x))
del x
ByGc()
print("collect:", gc.collect())
gc.enable()
