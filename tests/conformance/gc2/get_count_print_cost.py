import gc

# print() itself allocates GC objects; measure it without printing in between.
gc.disable()
gc.collect()

def c0():
    return gc.get_count()[0]

c0()
base = c0()
print("first line")
d1 = c0() - base
base = c0()
print("second", "line")
d2 = c0() - base
base = c0()
x = 1
d3 = c0() - base
print(d1, d2, d3)
gc.enable()
