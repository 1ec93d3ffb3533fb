a = b = []
a.append(1)
print(a, b, a is b)
x = y = z = 10
print(x, y, z)
x += 1
print(x, y, z)
p = q = {"n": 0}
q["n"] += 5
print(p)
s, t = u = (1, 2)
print(s, t, u)
m = [0, 0, 0]
i = 0
i, m[i] = 1, 9
print(i, m)
