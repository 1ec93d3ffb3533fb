import sys
g = sys.getsizeof
lit = [0, 1, 2, 3, 4]
app = []
for i in range(5):
    app.append(i)
comp = [i for i in range(5)]
conv = list(range(5))
rep = [0] * 5
print(lit == app == comp == conv, g(lit), g(app), g(comp), g(conv), g(rep))
d1 = {"a": 1, "b": 2}
d2 = {}
for k in "ab":
    d2[k] = 1
d3 = dict(d1)
print(d1 == d3, g(d1), g(d2), g(d3))
