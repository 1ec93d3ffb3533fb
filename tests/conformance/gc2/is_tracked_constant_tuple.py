import gc

# No collection has happened since this module was compiled.
c = (1, 2, 3)
s = ("a", ("b", "c"))
print("constant tuples before any collection:", gc.is_tracked(c), gc.is_tracked(s), gc.is_tracked(s[1]))
gc.collect()
print("after gc.collect():", gc.is_tracked(c), gc.is_tracked(s), gc.is_tracked(s[1]))

def f():
    return (4, 5, 6)

print("constant returned by a function:", gc.is_tracked(f()))
