import gc

# The first repr() of a list/dict/tuple creates the thread state's dict and
# its 'Py_Repr' list (recursion guard): two GC objects that stay alive.
gc.disable()
gc.collect()

def c0():
    return gc.get_count()[0]

c0()
x = [1, 2]
res = []
base = c0()
s1 = repr(5)
res.append(c0() - base)
base = c0()
s2 = repr(x)
res.append(c0() - base)
base = c0()
s3 = repr(x)
res.append(c0() - base)
base = c0()
s4 = repr({"a": (1, 2)})
res.append(c0() - base)
print("repr(int):", res[0])
print("first repr(list):", res[1])
print("second repr(list):", res[2])
print("repr(dict) afterwards:", res[3])
print(s2, s4)
gc.enable()
