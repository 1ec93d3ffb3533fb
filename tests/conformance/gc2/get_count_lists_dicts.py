import gc

# count[0] deltas, measured with gc disabled after a full collection.
# Results are printed at the end: print() itself allocates GC objects.
gc.disable()
gc.collect()

def c0():
    return gc.get_count()[0]

c0()  # the result tuple of get_count() now sits on the 3-tuple free list
res = []
keep = []
base = c0()
for i in range(10):
    keep.append([])
res.append(c0() - base)
base = c0()
for i in range(10):
    keep.append({})
res.append(c0() - base)
base = c0()
for i in range(10):
    keep.append((i, i))
res.append(c0() - base)
base = c0()
for i in range(10):
    keep.append(10**30 + i)
res.append(c0() - base)
base = c0()
for i in range(10):
    keep.append(i / 3)
res.append(c0() - base)
base = c0()
for i in range(10):
    keep.append(str(i) * 5)
res.append(c0() - base)
base = c0()
for i in range(10):
    keep.append(set())
res.append(c0() - base)
labels = ["lists", "dicts", "runtime 2-tuples", "big ints", "floats", "strings", "sets"]
for label, delta in zip(labels, res):
    print("10", label + ":", delta)
print("kept:", len(keep))
gc.enable()
