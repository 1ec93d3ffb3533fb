import gc

visit = []

def cb1(phase, info):
    visit.append((1, phase, info["generation"]))

def cb2(phase, info):
    visit.append((2, phase, info["generation"]))

gc.disable()
gc.collect()
gc.callbacks.append(cb1)
gc.callbacks.append(cb2)
gc.collect()
gc.collect(1)
for v in visit:
    print(v)
print("start:", [v[1] for v in visit].count("start"), "stop:", [v[1] for v in visit].count("stop"))
gc.callbacks.remove(cb1)
gc.callbacks.remove(cb2)
print(len(gc.callbacks))
gc.enable()
