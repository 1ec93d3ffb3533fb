def f(*args):
    return args
print(f(), f(1), f(1, "a", None))
def g(first, *rest):
    print(first, rest, type(rest).__name__)
g(1)
g(1, 2, 3)
def h(**kwargs):
    return kwargs
print(h(), h(a=1, b=2))
def k(a, b=2, *args, c, d=4, **kw):
    print(a, b, args, c, d, kw)
k(1, c=3)
k(1, 5, 6, 7, c=3, e=9, d=0)
nums = [1, 2, 3]
opts = {"c": "C", "z": "Z"}
k(*nums, **opts)
print(f(*"ab", *[1, 2]))
def total(*nums):
    s = 0
    for n in nums:
        s += n
    return s
print(total(*range(10)))
print(dict(**{"x": 1}, y=2))
