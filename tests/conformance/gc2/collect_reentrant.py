import gc

inner = []

def cb(phase, info):
    if phase == "start":
        inner.append(gc.collect())

class Node:
    def __init__(self):
        self.me = self

class Noisy:
    def __init__(self):
        self.me = self
    def __del__(self):
        print("__del__ sees gc.collect() ->", gc.collect())

gc.disable()
gc.collect()
gc.callbacks.append(cb)
Node()
print("outer collect:", gc.collect())
print("collect() inside the callback returned:", inner)
gc.callbacks.remove(cb)
Noisy()
print("outer collect:", gc.collect())
gc.enable()
