import gc

calls = []

def bad(phase, info):
    calls.append(("bad", phase))
    raise RuntimeError("callback failed in phase " + phase)

def good(phase, info):
    calls.append(("good", phase))

gc.disable()
gc.collect()
gc.callbacks.append(bad)
gc.callbacks.append(good)
l = []
l.append(l)
del l
print("collect still works:", gc.collect())
gc.callbacks.remove(bad)
gc.callbacks.remove(good)
for c in calls:
    print(c)
gc.enable()
