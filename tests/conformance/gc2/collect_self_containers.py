import gc

gc.disable()
gc.collect()
l = []
l.append(l)
print(l)
del l
print("list containing itself:", gc.collect())
d = {}
d["me"] = d
print(d)
del d
print("dict containing itself:", gc.collect())
d = {}
d[1] = d
gc.collect()
del d
print("dict (int key) containing itself after a collect:", gc.collect())
x = [1, 2]
y = [x, 3]
x.append(y)
del x, y
print("two lists:", gc.collect())
l = []
t = (l,)
l.append(t)
del t, l
print("list <-> tuple:", gc.collect())
print("gc.garbage:", gc.garbage)
gc.enable()
