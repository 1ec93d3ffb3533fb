import gc

class Node:
    def __init__(self, name):
        self.name = name
        self.next = None
    def __del__(self):
        print("del", self.name)

gc.disable()
keep = [None, None]
gc.collect()

def build(slot, names):
    nodes = [Node(n) for n in names]
    for i in range(len(nodes) - 1, 0, -1):
        nodes[i].next = nodes[i - 1]
    keep[slot] = nodes[-1]

# chain c -> b -> a, only c is referenced from outside the young generation:
# collect(0) first puts a and b in the tentatively unreachable list, then
# moves them back behind c, so gen1 ends up ordered c, b, a.
build(0, ["a", "b", "c"])
print("collect(0):", gc.collect(0))
# the same chain that never goes through a collection stays a, b, c
build(1, ["x", "y", "z"])
keep[0].next.next.next = keep[0]
keep[1].next.next.next = keep[1]
keep[0] = keep[1] = None
print("collect(1):", gc.collect(1))
gc.enable()
print("end")
