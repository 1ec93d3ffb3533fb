s = {5, 3, 1, 4, 2}
out = []
while s:
    out.append(s.pop())
print(out)
t = {100, 8, 16, 3, 64}
print(t)
print(t.pop(), t)
u = set()
for i in [40, 10, 33, 1, 17, 9]:
    u.add(i)
print(u, list(u))
v = {-1, -2, 0, 7}
print(v)
