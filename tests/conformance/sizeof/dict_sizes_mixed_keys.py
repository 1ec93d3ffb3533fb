import sys
d = {"a": 1}
print(sys.getsizeof(d))
d[1] = 2
print(sys.getsizeof(d))
e = {1: 1}
e["a"] = 1
print(sys.getsizeof(e))
f = {(1, 2): 0}
print(sys.getsizeof(f))
h = {}
for i in range(6):
    h[str(i)] = i
print(sys.getsizeof(h))
h[6] = 6
print(sys.getsizeof(h))
