import gc

gc.disable()
gc.collect()

def c0():
    return gc.get_count()[0]

base = c0()
ds = [{} for i in range(200)]
print("200 empty dicts created:", c0() - base)
base = c0()
ds.clear()
print("200 untracked dicts freed:", c0() - base)
base = c0()
ds = [{} for i in range(200)]
print("200 empty dicts again:", c0() - base)
base = c0()
x = {}
y = {}
print("two dicts:", c0() - base)
base = c0()
del x, y
print("del two dicts:", c0() - base)
gc.enable()
