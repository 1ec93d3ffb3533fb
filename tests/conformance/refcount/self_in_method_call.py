import sys
class M:
    def meth(self):
        return sys.getrefcount(self)
    def meth2(self, other):
        return sys.getrefcount(self), sys.getrefcount(other)
m = M()
print("global m:", sys.getrefcount(m))
print("m.meth():", m.meth())
print("M.meth(m):", M.meth(m))
bm = m.meth
print("bound method kept:", sys.getrefcount(m))
print("bm():", bm())
del bm
print("m.meth2(m):", m.meth2(m))
print("after:", sys.getrefcount(m))
