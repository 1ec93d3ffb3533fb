import gc
gc.disable()
gc.collect()
l = []
l.append(l)
del l
print("list containing itself:", gc.collect())
d = {}
d["self"] = d
del d
print("dict containing itself:", gc.collect())
x = []
y = [x]
x.append(y)
del x, y
print("two lists:", gc.collect())
t = ([],)
t[0].append(t)
del t
print("tuple <-> list:", gc.collect())
print("nothing left:", gc.collect())
gc.enable()
