import sys
x = y = z = []
print(sys.getrefcount(x))
p = q = x
print(sys.getrefcount(x))
del x, y
print(sys.getrefcount(z))
a, b = z, z
print(sys.getrefcount(z))
