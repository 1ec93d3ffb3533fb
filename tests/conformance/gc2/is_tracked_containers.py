import gc

class C:
    def method(self):
        return 1

def func():
    pass

print("[]:", gc.is_tracked([]))
print("[1, 2]:", gc.is_tracked([1, 2]))
print("set():", gc.is_tracked(set()), gc.is_tracked({1, 2}))
print("frozenset():", gc.is_tracked(frozenset()), gc.is_tracked(frozenset([1, 2])))
print("function:", gc.is_tracked(func), gc.is_tracked(lambda: 0))
print("class:", gc.is_tracked(C))
print("instance:", gc.is_tracked(C()))
print("bound method:", gc.is_tracked(C().method))
print("module:", gc.is_tracked(gc))
print("iterators:", gc.is_tracked(iter([1])), gc.is_tracked(iter((1,))), gc.is_tracked(iter(range(3))))
g = (i for i in range(3))
print("generator:", gc.is_tracked(g))
print("dict views:", gc.is_tracked({}.keys()), gc.is_tracked({}.items()))
print("()", gc.is_tracked(()))
