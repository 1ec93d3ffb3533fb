import sys
a = []
t = (a,)
print("in 1-tuple:", sys.getrefcount(a))
t2 = (a, a, a)
print("plus 3-tuple:", sys.getrefcount(a))
del t
print("after del t:", sys.getrefcount(a))
t3 = t2 + (a,)
print("after concatenation:", sys.getrefcount(a))
del t2, t3
print("after del both:", sys.getrefcount(a))
