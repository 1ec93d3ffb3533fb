import gc

class Node:
    def __init__(self, value):
        self.value = value
        self.next = None

gc.disable()
gc.collect()
print("initial freeze count:", gc.get_freeze_count())
a = Node(1)
b = Node(2)
a.next = b
b.next = a
gc.freeze()
frozen = gc.get_freeze_count()
print("freeze count positive:", frozen > 0)
print("count after freeze:", gc.get_count())
del a, b
print("collect with the cycle frozen:", gc.collect())
print("freeze count unchanged:", gc.get_freeze_count() == frozen)
c = []
c.append(c)
gc.freeze()
print("second freeze added:", gc.get_freeze_count() - frozen)
gc.unfreeze()
print("after unfreeze:", gc.get_freeze_count())
del c
print("collect after unfreeze:", gc.collect())
print("again:", gc.collect())
gc.enable()
