import gc

gc.disable()
gc.collect()
a = [1, 2]
inner = tuple(a)
outer = (inner, 3)
del inner
print("before:", gc.is_tracked(outer[0]), gc.is_tracked(outer))
gc.collect()
print("after 1 collection:", gc.is_tracked(outer[0]), gc.is_tracked(outer))
gc.collect()
print("after 2 collections:", gc.is_tracked(outer[0]), gc.is_tracked(outer))
x = tuple(a)
y = (x, 4)
z = (y, 5)
del x, y
print("3 levels, before:", gc.is_tracked(z[0][0]), gc.is_tracked(z[0]), gc.is_tracked(z))
for i in range(1, 4):
    gc.collect()
    print("after", i, "collection(s):", gc.is_tracked(z[0][0]), gc.is_tracked(z[0]), gc.is_tracked(z))
gc.enable()
