class Item:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del item", self.n)

l = [Item(1), Item(2), Item(3)]
print("list.clear():")
l.clear()
l = [Item(4), Item(5), Item(6)]
print("del list:")
del l
l = [Item(7), Item(8), Item(9), Item(10)]
print("pop():")
l.pop()
print("pop(0):")
l.pop(0)
print("remove by slice del:")
del l[:]
d = {"a": Item(11), "b": Item(12), "c": Item(13)}
print("dict value replaced:")
d["a"] = None
print("dict.pop:")
d.pop("b")
print("dict.clear():")
d["z"] = Item(14)
d.clear()
t = (Item(15), Item(16), Item(17))
print("del tuple:")
del t
l = [Item(18), Item(19)]
print("slice assignment:")
l[0:1] = [Item(20)]
print("list reassigned:")
l = []
print("end")
