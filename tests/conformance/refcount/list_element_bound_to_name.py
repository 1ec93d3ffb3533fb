import sys
lst = [[], {}, object()]
print([sys.getrefcount(o) for o in lst])
x = lst[0]
print("x = lst[0]:", sys.getrefcount(x))
y = lst[0]
print("and y = lst[0]:", sys.getrefcount(x))
del lst[0]
print("after del lst[0]:", sys.getrefcount(x))
z = lst[-1]
print("last element:", sys.getrefcount(z))
first, *rest = lst
print("after unpacking:", sys.getrefcount(first), sys.getrefcount(z))
