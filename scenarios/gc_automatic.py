# Automatic collection: allocations trigger the collector
# Section: Lecture 7, 3.2 Garbage Collection
#: Nobody calls gc.collect() in the loop below, yet the collector runs: creating containers triggers it.
import gc

runs = []


def on_gc(phase, info):
    #: gc.callbacks are called at the start and stop of every collection, with its generation.
    if phase == "start":
        runs.append(info["generation"])


#: Start from a clean state: after a full collection every generation count is 0.
gc.collect()
gc.callbacks.append(on_gc)
season = []
for match in range(9000):
    #: Each new list is a container object: generation 0's count goes up by one.
    season.append([match])
gc.callbacks.remove(on_gc)
#: Every 700 or so new containers a gen-0 collection ran; the 12th run was a gen-1 collection.
print(len(runs), "automatic collections:", runs)
#: All 9000 lists are still in use, so the collector freed none of them: they were promoted instead.
print(len(season), "lists kept")
