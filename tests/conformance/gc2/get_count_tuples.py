import gc

gc.disable()
gc.collect()

def c0():
    return gc.get_count()[0]

c0()
res = []
src = [1, 2]
empty = []
base = c0()
t = tuple(src)
res.append(c0() - base)
base = c0()
del t
res.append(c0() - base)
base = c0()
t = tuple(src)
res.append(c0() - base)
base = c0()
e = tuple(empty)
res.append(c0() - base)
base = c0()
t5 = tuple(range(5))
res.append(c0() - base)
base = c0()
del t5
t5 = tuple(range(5))
res.append(c0() - base)
labels = ["tuple(x) of length 2, first time", "del it", "again",
          "tuple([])", "tuple of length 5", "length-5 tuple freed and rebuilt"]
for label, delta in zip(labels, res):
    print(label + ":", delta)
print(e == (), len(t), len(t5))
gc.enable()
