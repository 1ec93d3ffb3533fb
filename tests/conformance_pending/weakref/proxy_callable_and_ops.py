import weakref

class Callable:
    bar = None
    def __call__(self, x):
        self.bar = x
        return "called with " + str(x)

class Num:
    def __init__(self, v):
        self.v = v
    def __add__(self, other):
        return self.v + other
    def __radd__(self, other):
        return other + self.v * 100
    def __len__(self):
        return self.v
    def __contains__(self, item):
        return item == self.v
    def __getitem__(self, i):
        return i * self.v
    def __iter__(self):
        return iter(range(self.v))
    def __bool__(self):
        return self.v > 0

o = Callable()
p = weakref.proxy(o)
print(type(p).__name__, type(p) is weakref.CallableProxyType)
print(p("twinkies!"), o.bar)
print(p(x="Splat."), o.bar)
try:
    p()
except TypeError as e:
    print("TypeError:", e)
n = Num(3)
q = weakref.proxy(n)
print("add:", q + 1, "radd:", 1 + q)
print("len:", len(q), "in:", 3 in q, 4 in q)
print("getitem:", q[5], "iter:", list(q), "bool:", bool(q))
f = 2.0
class F(float):
    pass
ff = F(2.0)
pf = weakref.proxy(ff)
print("float subclass:", pf + 1.0, 1.0 + pf)
try:
    hash(q)
except TypeError as e:
    print("TypeError:", e)
del o, n, ff
try:
    len(q)
except ReferenceError as e:
    print("ReferenceError:", e)
