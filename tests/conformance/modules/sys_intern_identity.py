import sys
a = "".join(["inter", "ned_name"])
b = "".join(["inter", "ned_name"])
print(a == b, a is b)
ia = sys.intern(a)
ib = sys.intern(b)
print(ia is ib, ia is a, ib is b)
lit = "interned_name"
print(lit is ia)
c = "".join(["x y", " z"])
print(sys.intern(c) is sys.intern("".join(["x y", " z"])))
