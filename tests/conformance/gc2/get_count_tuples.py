import gc

gc.disable()
gc.collect()

def c0():
    return gc.get_count()[0]

src = [1, 2]
empty = []
base = c0()
t = tuple(src)
print("tuple(x) of length 2, first time:", c0() - base)
base = c0()
del t
print("del it:", c0() - base)
base = c0()
t = tuple(src)
print("again:", c0() - base)
base = c0()
e = tuple(empty)
print("tuple([]):", c0() - base, e is ())
base = c0()
t5 = tuple(range(5))
print("tuple of length 5:", c0() - base)
base = c0()
del t5
t5 = tuple(range(5))
print("length-5 tuple freed and rebuilt:", c0() - base)
gc.enable()
