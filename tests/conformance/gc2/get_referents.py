import gc

class Holder:
    def __init__(self):
        self.x = [1, 2]
        self.y = "text"

alist = [1, 3, 5]
got = gc.get_referents(alist)
got.sort()
print("list:", got)
print("tuple:", sorted(gc.get_referents(tuple(alist))))
adict = {1: 3, 5: 7}
print("dict:", sorted(gc.get_referents(adict)))
got = gc.get_referents([1, 2], {3: 4}, (0, 0, 0))
got.sort()
print("several:", got)
print("atomic:", gc.get_referents(1, "a", 4.5, None, 10**30))
h = Holder()
print("instance:", sorted(type(o).__name__ for o in gc.get_referents(h)))
print("holds class:", any(o is Holder for o in gc.get_referents(h)))
print("holds h.x:", any(o is h.x for o in gc.get_referents(h)))
h.__dict__
print("instance after __dict__:", sorted(type(o).__name__ for o in gc.get_referents(h)))
print("nested:", gc.get_referents([[1], [2, [3]]]))
print("none:", gc.get_referents())
