o1 = object()
o2 = object()
print(o1 is o2, o1 == o2, id(o1) == id(o1), id(o1) == id(o2))
print(type(o1).__name__, isinstance(o1, object))
a = [1]
b = a
print(id(a) == id(b))
try:
    o1.x = 1
except AttributeError as e:
    print("AttributeError:", e)
print(str(o1).startswith("<object object at 0x"))
