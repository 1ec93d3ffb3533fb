a = [1, 2]
b = (3, 4)
print([*a, *b], (*a, 0), {*a, *b})
d1 = {"x": 1}
d2 = {"y": 2, "x": 0}
print({**d1, **d2}, {**d2, **d1}, {**d1, "z": 3})
def f(p, q, r, s):
    return p + q + r + s
print(f(*a, *b), f(*a, 10, 20), f(0, *b, 5))
print(*a, *"xy")
def kw(**k):
    return sorted(k.items())
print(kw(**d1, **{"w": 9}))
