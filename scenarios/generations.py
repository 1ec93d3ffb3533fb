# Generational collection: young objects are checked most often
# Section: Lecture 7, 3.2 Garbage Collection
#: Container objects start in generation 0. Each collection that finds them alive moves them one generation older.
import gc


class Node:
    def __init__(self, name):
        self.name = name
        self.partner = None


def generation_of(obj):
    for gen in range(3):
        for other in gc.get_objects(gen):
            if other is obj:
                return gen


#: Gen 0 is collected when allocations minus frees pass 700; gen 1 once more than 10 gen-0 runs piled up; gen 2 likewise after gen-1 runs.
print("thresholds:", gc.get_threshold())
#: A full collection first, so every count starts at 0 and everything older sits in gen 2.
gc.collect()
home = Node("home")
away = Node("away")
home.partner = away
away.partner = home
print("new node is in generation", generation_of(home))
#: collect(0) examines only gen 0: the nodes are reachable, survive, and move to gen 1. Counts (0, 1, 0): one gen-0 run so far.
freed = gc.collect(0)
print("collect(0) freed", freed, "- counts:", gc.get_count(), "- now in", generation_of(home))
#: collect(1) examines gens 0 and 1: the nodes survive again and move to gen 2. Counts (0, 0, 1): one gen-1 run.
freed = gc.collect(1)
print("collect(1) freed", freed, "- counts:", gc.get_count(), "- now in", generation_of(home))
#: The cycle becomes garbage, but it lives in gen 2: young collections never look there.
del home, away
print("collect(0) freed", gc.collect(0))
print("collect(1) freed", gc.collect(1))
#: Only a full collection (generation 2) examines old objects: the two nodes are freed.
print("collect(2) freed", gc.collect(2))
