import sys
class K:
    def __init__(self, i):
        self.a = i
        self.b = i
sizes = []
keep = []
for k in range(1, 32):
    o = K(k)
    keep.append(o)
    sizes.append(sys.getsizeof(vars(o)))
print(sizes)
