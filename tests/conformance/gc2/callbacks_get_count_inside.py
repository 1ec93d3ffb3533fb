import gc

seen = []

def cb(phase, info):
    seen.append((phase, gc.get_count()))

gc.disable()
gc.collect()
gc.callbacks.append(cb)
keep = []
for i in range(5):
    keep.append([])
gc.collect()
for i in range(3):
    keep.append({"k": []})
gc.collect(0)
gc.callbacks.remove(cb)
for s in seen:
    print(s)
gc.enable()
