import gc

gens = [0, 0, 0]
collected = [0]

def cb(phase, info):
    if phase == "start":
        gens[info["generation"]] += 1
    else:
        collected[0] += info["collected"]

gc.collect()
gc.callbacks.append(cb)
for i in range(5000):
    a = []
    b = [a]
    a.append(b)
del a, b
gc.callbacks.remove(cb)
print("5000 garbage 2-list cycles -> gen0/gen1/gen2 collections:", gens)
print("collected by automatic collections:", collected[0])
print("left for gc.collect():", gc.collect())
