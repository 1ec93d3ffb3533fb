import gc

gc.disable()
gc.collect()

def c0():
    return gc.get_count()[0]

c0()
res = []
keep = []
base = c0()
for i in range(200):
    keep.append({})
res.append(c0() - base)
base = c0()
keep.clear()
res.append(c0() - base)
base = c0()
for i in range(200):
    keep.append({})
res.append(c0() - base)
keep.clear()
base = c0()
x = {}
y = {}
res.append(c0() - base)
base = c0()
del x, y
res.append(c0() - base)
base = c0()
for i in range(200):
    keep.append({"k": i})
res.append(c0() - base)
base = c0()
keep.clear()
res.append(c0() - base)
labels = ["200 empty dicts created", "200 untracked dicts freed",
          "200 empty dicts again", "two dicts", "del two dicts",
          "200 one-item dicts", "200 one-item dicts freed"]
for label, delta in zip(labels, res):
    print(label + ":", delta)
gc.enable()
