import sys
d = {}
d["a"] = 0
print(sys.getsizeof(d))
for i in range(20):
    k = "k" + str(i)
    d[k] = i
    del d[k]
    s = sys.getsizeof(d)
    print(i, len(d), s)
