import weakref
import gc

class Resource:
    def __init__(self, name):
        self.name = name

def cleanup(name):
    print("cleanup", name)

r = Resource("file-1")
fin = weakref.finalize(r, cleanup, r.name)
print("created")
r = None
print("after r = None, alive:", fin.alive)

def scope():
    tmp = Resource("tmp")
    weakref.finalize(tmp, cleanup, "tmp")
    print("leaving scope")

scope()
print("after scope")

gc.disable()
gc.collect()
c = Resource("cyclic")
c.me = c
weakref.finalize(c, cleanup, "cyclic")
del c
print("cycle deleted, not yet finalized")
print("collect:", gc.collect())
gc.enable()
print("end")
