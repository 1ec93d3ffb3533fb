def one(x):
    return x
def two(a, b):
    return a + b
def defaults(a, b=1, *, c):
    return a
class K:
    def m(self, v):
        return v
    def __init__(self, p):
        self.p = p
cases = [
    lambda: one(),
    lambda: one(1, 2),
    lambda: two(1),
    lambda: two(),
    lambda: two(1, 2, 3),
    lambda: one(y=1),
    lambda: one(1, x=2),
    lambda: defaults(1),
    lambda: defaults(1, 2, 3, c=4),
    lambda: K(),
    lambda: K(1).m(),
    lambda: K(1).m(1, 2),
    lambda: K(1, 2),
    lambda: (lambda: 0)(1),
    lambda: len(),
    lambda: len([], []),
    lambda: object(1),
    lambda: two(*[1, 2, 3]),
    lambda: one(**{"x": 1, "z": 2}),
]
for i, c in enumerate(cases):
    try:
        c()
        print(i, "no error")
    except TypeError as e:
        print(i, e)
