import gc

class Noisy:
    calls = []
    def __init__(self, name):
        self.name = name
        self.next = None
    def __del__(self):
        Noisy.calls.append(self.name)
        print("finalizing", self.name, "-> next is", self.next.name)

gc.disable()
gc.collect()
x = Noisy("x")
y = Noisy("y")
z = Noisy("z")
z.next = x
x.next = y
y.next = z
del y, z, x
print("collected:", gc.collect())
print("calls:", Noisy.calls)
print("each once:", len(Noisy.calls) == len(set(Noisy.calls)))
print("collected:", gc.collect())
gc.enable()
