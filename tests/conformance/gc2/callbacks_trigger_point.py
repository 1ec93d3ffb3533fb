import gc

# Find after how many kept-alive lists the first automatic collection starts.
seen = []
keep = []

def cb(phase, info):
    if phase == "start":
        seen.append(len(keep))

gc.collect()
gc.callbacks.append(cb)
for i in range(3000):
    keep.append([])
gc.callbacks.remove(cb)
print("collections started when len(keep) was:", seen)
print("gaps:", [b - a for a, b in zip(seen, seen[1:])])
del keep
gc.collect()
