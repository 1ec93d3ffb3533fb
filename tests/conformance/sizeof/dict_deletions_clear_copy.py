import sys
g = sys.getsizeof
d = {}
for i in range(10):
    d["k" + str(i)] = i
print(len(d), g(d))
for i in range(10):
    del d["k" + str(i)]
print(len(d), g(d))
d.clear()
print(len(d), g(d))
e = {}
for i in range(10):
    e["k" + str(i)] = i
for i in range(4):
    e.pop("k" + str(i))
print(len(e), g(e), g(e.copy()), g(dict(e)))
n = {}
for i in range(1000):
    n[i] = i
for i in range(999):
    del n[i]
print(len(n), g(n))
n.clear()
print(g(n))
