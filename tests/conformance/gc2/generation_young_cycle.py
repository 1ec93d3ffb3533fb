import gc

gc.disable()
gc.collect()
old = []
old.append(old)
gc.collect(1)
young = []
young.append(young)
young.append(old)
del old, young
print("collect(0) frees the young cycle only:", gc.collect(0))
print("collect(0):", gc.collect(0))
print("collect(1):", gc.collect(1))
print("collect(2):", gc.collect(2))
a = []
b = [a]
gc.collect(0)
a.append(b)
del a, b
print("cycle across gen0/gen1, collect(0):", gc.collect(0))
print("collect(1):", gc.collect(1))
gc.enable()
