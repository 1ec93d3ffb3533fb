def pair():
    val = 0
    def setter(v):
        nonlocal val
        val = v
    def getter():
        return val
    return setter, getter
s, g = pair()
print(g())
s(42)
print(g())
s2, g2 = pair()
print(g2(), g())
s(g2)
print(g() is g2, g()())
