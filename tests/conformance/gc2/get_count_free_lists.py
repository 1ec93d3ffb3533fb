import gc

gc.disable()
gc.collect()

def c0():
    return gc.get_count()[0]

c0()
res = []
keep = []
base = c0()
for i in range(101):
    keep.append([])
res.append(c0() - base)
base = c0()
keep.clear()
res.append(c0() - base)
base = c0()
for i in range(101):
    keep.append([])
res.append(c0() - base)
keep.clear()
gc.collect()
c0()
base = c0()
x = []
res.append(c0() - base)
base = c0()
del x
res.append(c0() - base)
base = c0()
x = []
res.append(c0() - base)
labels = ["101 lists created", "101 lists deleted", "101 lists created again",
          "new [] after full collect", "del []", "[] from the free list"]
for label, delta in zip(labels, res):
    print(label + ":", delta)
gc.enable()
