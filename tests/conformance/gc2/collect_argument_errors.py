import gc

gc.collect()
for g in (0, 1, 2):
    print(g, gc.collect(g))
print(gc.collect(generation=2))
for bad in (3, -1, 100):
    try:
        gc.collect(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    gc.collect("2")
except TypeError as e:
    print("TypeError:", e)
try:
    gc.collect(1.0)
except TypeError as e:
    print("TypeError:", e)
gc.collect(3)
