import gc

class Noisy:
    def __init__(self, name):
        self.name = name
        self.peer = None
    def __del__(self):
        print("__del__", self.name)

gc.disable()
gc.collect()
gc.set_debug(gc.DEBUG_SAVEALL)
x = Noisy("x")
y = Noisy("y")
x.peer = y
y.peer = x
del x, y
print("collect:", gc.collect())
print("saved:", [o.name for o in gc.garbage])
print("finalized:", [gc.is_finalized(o) for o in gc.garbage])
gc.set_debug(0)
gc.garbage.clear()
print("collect:", gc.collect())
print("gc.garbage:", gc.garbage)
gc.enable()
