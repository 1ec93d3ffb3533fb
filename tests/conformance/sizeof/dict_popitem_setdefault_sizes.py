import sys
g = sys.getsizeof
d = {}
for i in range(6):
    d.setdefault(i, [])
print(len(d), g(d))
while d:
    d.popitem()
print(len(d), g(d))
d.update({"x": 1})
print(len(d), g(d))
u = {}
u.update({i: i for i in range(11)})
print(len(u), g(u))
