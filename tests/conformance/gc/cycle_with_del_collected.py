import gc
class Noisy:
    def __init__(self, name):
        self.name = name
        self.peer = None
    def __del__(self):
        print("__del__", self.name, "peer is", self.peer.name)
gc.disable()
gc.collect()
x = Noisy("x")
y = Noisy("y")
x.peer = y
y.peer = x
del x
del y
print("before collect")
print("collected", gc.collect())
print("after collect")
gc.enable()
