import gc

def where(obj):
    return [any(obj is e for e in gc.get_objects(generation=g)) for g in range(3)]

gc.disable()
gc.collect()
l = []
l.append(l)
print("new:", where(l))
gc.collect(0)
print("after collect(0):", where(l))
gc.collect(1)
print("after collect(1):", where(l))
gc.collect(2)
print("after collect(2):", where(l))
print("in get_objects():", any(l is e for e in gc.get_objects()))
d = {"a": 1}
print("untracked dict listed:", any(e is d for e in gc.get_objects()))
d["l"] = []
print("tracked dict listed:", any(e is d for e in gc.get_objects()))
print("ints listed:", any(type(e) is int for e in gc.get_objects()))
for bad in (1000, -1000, 3):
    try:
        gc.get_objects(generation=bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    gc.get_objects(generation="1")
except TypeError as e:
    print("TypeError:", e)
del l
print(gc.collect())
gc.enable()
