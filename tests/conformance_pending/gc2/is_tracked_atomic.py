import gc

class UserClass:
    pass

class UserClassSlots:
    __slots__ = ()

class TwoSlots:
    __slots__ = ("a", "b")

big = 10**40
print("int:", gc.is_tracked(1), gc.is_tracked(big))
print("float:", gc.is_tracked(1.5), gc.is_tracked(float("inf")))
print("str:", gc.is_tracked("a"), gc.is_tracked("hello world"), gc.is_tracked(str(big)))
print("None, True, False:", gc.is_tracked(None), gc.is_tracked(True), gc.is_tracked(False))
print("object():", gc.is_tracked(object()))
print("type, int, object:", gc.is_tracked(type), gc.is_tracked(int), gc.is_tracked(object))
print("range, slice:", gc.is_tracked(range(3)), gc.is_tracked(slice(1, 2)))
print("UserClass:", gc.is_tracked(UserClass), gc.is_tracked(UserClass()))
print("__slots__ = () instance:", gc.is_tracked(UserClassSlots()))
print("two-slot instance:", gc.is_tracked(TwoSlots()))
print("modules:", gc.is_tracked(gc), gc.is_tracked(__builtins__))
print("bytes, bytearray:", gc.is_tracked(b"a"), gc.is_tracked(bytearray(b"a")))

class UserInt(int):
    pass

class UserFloatSlots(float):
    __slots__ = ()

class UserIntSlots(int):
    __slots__ = ()

print("UserInt():", gc.is_tracked(UserInt()))
print("builtin subclasses with __slots__ = ():", gc.is_tracked(UserFloatSlots()), gc.is_tracked(UserIntSlots()))
