import sys
g = sys.getsizeof
l = []
sizes = []
for i in range(30):
    sizes.append(g(l))
    l.append(None)
print(sizes)
