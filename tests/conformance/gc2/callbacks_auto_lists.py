import gc

gens = [0, 0, 0]

def cb(phase, info):
    if phase == "start":
        gens[info["generation"]] += 1

gc.collect()
gc.callbacks.append(cb)
keep = []
for i in range(10000):
    keep.append([])
gc.callbacks.remove(cb)
print("10000 lists kept alive -> gen0/gen1/gen2 collections:", gens)
print("total automatic collections:", sum(gens))
del keep
gc.collect()
