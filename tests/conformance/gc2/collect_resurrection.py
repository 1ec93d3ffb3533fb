import gc

saved = []

class Lazarus:
    def __init__(self, name):
        self.name = name
        self.me = self
    def __del__(self):
        print("__del__", self.name)
        saved.append(self)

gc.disable()
gc.collect()
x = Lazarus("x")
print("finalized before:", gc.is_finalized(x))
del x
print("first collect:", gc.collect())
print("saved:", [o.name for o in saved])
print("finalized after:", gc.is_finalized(saved[0]))
print("self-cycle intact:", saved[0].me is saved[0])
saved.clear()
print("second collect:", gc.collect())
print("saved:", saved)
print("third collect:", gc.collect())
gc.enable()
