import gc
keep = []
class Undead:
    def __init__(self, n):
        self.n = n
        self.other = None
    def __del__(self):
        print("__del__", self.n)
        keep.append(self)
gc.disable()
gc.collect()
a = Undead(1)
b = Undead(2)
a.other = b
b.other = a
del a, b
print("first collect:", gc.collect())
print("resurrected:", sorted(o.n for o in keep))
keep.clear()
print("second collect:", gc.collect())
gc.enable()
