import gc

gens = [0, 0, 0]

def cb(phase, info):
    if phase == "start":
        gens[info["generation"]] += 1

old = gc.get_threshold()
gc.collect()
gc.set_threshold(10, 2, 2)
gc.callbacks.append(cb)
keep = []
for i in range(600):
    keep.append([])
gc.callbacks.remove(cb)
gc.set_threshold(*old)
print("threshold (10, 2, 2), 600 lists:", gens)
gens = [0, 0, 0]
gc.collect()
gc.set_threshold(0)
gc.callbacks.append(cb)
for i in range(3000):
    keep.append([])
gc.callbacks.remove(cb)
gc.set_threshold(*old)
print("threshold 0 disables automatic collection:", gens)
print(gc.get_threshold())
del keep
gc.collect()
