import gc

gc.disable()
gc.collect()

def c0():
    return gc.get_count()[0]

base = c0()
ls = [[] for i in range(101)]
print("101 lists created:", c0() - base)
base = c0()
ls.clear()
print("101 lists deleted:", c0() - base)
base = c0()
ls2 = [[] for i in range(101)]
print("101 lists created again:", c0() - base)
del ls, ls2
gc.collect()
base = c0()
x = []
print("new [] after full collect:", c0() - base)
base = c0()
del x
print("del []:", c0() - base)
base = c0()
x = []
print("[] from the free list:", c0() - base)
gc.enable()
