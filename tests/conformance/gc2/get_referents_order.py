import gc

# get_referents() returns objects in tp_traverse order (not sorted here).
class Holder:
    def __init__(self):
        self.first = [1]
        self.second = "two"
        self.third = 3

print("list:", gc.get_referents([10, 20, 30]))
print("runtime tuple:", gc.get_referents(tuple([10, 20, 30])))
print("nested list:", gc.get_referents([[1], [2, [3]]]))
print("dict with int keys:", gc.get_referents({1: "a", 2: "b"}))
print("dict with str keys:", gc.get_referents({"x": 1, "y": 2}))
print("dict with mixed keys:", gc.get_referents({"x": 1, 5: 6}))
h = Holder()
print("instance:", [o if not isinstance(o, type) else o.__name__ for o in gc.get_referents(h)])
print("several objects:", gc.get_referents([1, 2], [3, 4]))
print("set of small ints:", sorted(gc.get_referents({3, 1, 2})))
