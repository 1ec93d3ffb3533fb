import gc

gc.disable()
gc.collect()
print("{}:", gc.is_tracked({}))
print("{'a': 1, 'b': 'x'}:", gc.is_tracked({"a": 1, "b": "x"}))
print("{'t': (1, 2)}:", gc.is_tracked({"t": (1, 2)}))
print("{'l': []}:", gc.is_tracked({"l": []}))
d = {}
d["n"] = 5
d["s"] = "str"
print("after atomic values:", gc.is_tracked(d))
d["l"] = []
print("after d['l'] = []:", gc.is_tracked(d))
del d["l"]
print("after del d['l']:", gc.is_tracked(d))
gc.collect(0)
print("after collect(0):", gc.is_tracked(d))
gc.collect(1)
print("after collect(1):", gc.is_tracked(d))
gc.collect(2)
print("after collect(2):", gc.is_tracked(d))
d[(1, 2)] = 3
print("tuple key inserted:", gc.is_tracked(d))
e = dict(a=1)
e.update({"b": [1]})
print("update with a list value:", gc.is_tracked(e))
e["b"] = 0
gc.collect()
print("list replaced, after full collect:", gc.is_tracked(e))
gc.enable()
