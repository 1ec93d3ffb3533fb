import gc

gc.disable()
gc.collect()

def c0():
    return gc.get_count()[0]

base = c0()
lists = [[] for i in range(10)]
print("10 lists (+ the outer list):", c0() - base)
base = c0()
dicts = [{} for i in range(10)]
print("10 dicts (+ the outer list):", c0() - base)
base = c0()
tuples = [(i, i) for i in range(10)]
print("10 runtime 2-tuples (+ the outer list):", c0() - base)
base = c0()
nums = [10**30 + i for i in range(10)]
print("10 big ints (+ the outer list):", c0() - base)
base = c0()
floats = [i / 3 for i in range(10)]
print("10 floats (+ the outer list):", c0() - base)
base = c0()
strs = [str(i) * 5 for i in range(10)]
print("10 strings (+ the outer list):", c0() - base)
gc.enable()
