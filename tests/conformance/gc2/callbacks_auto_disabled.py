import gc

starts = [0]

def cb(phase, info):
    if phase == "start":
        starts[0] += 1

gc.collect()
gc.disable()
gc.callbacks.append(cb)
keep = []
for i in range(5000):
    keep.append([])
print("disabled: automatic collections:", starts[0])
print(gc.get_count()[0] > 700)
print("explicit collect while disabled:", gc.collect())
print("starts:", starts[0])
gc.enable()
gc.collect()
starts[0] = 0
for i in range(5000):
    keep.append([])
print("enabled again: automatic collections:", starts[0])
gc.callbacks.remove(cb)
del keep
gc.collect()
