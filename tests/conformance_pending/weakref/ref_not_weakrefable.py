import weakref

class Slotted:
    __slots__ = ("a",)

class SlottedWeak:
    __slots__ = ("a", "__weakref__")

for obj in (1, "text", (1, 2), [1], {"a": 1}, None, 2.5, Slotted()):
    try:
        weakref.ref(obj)
        print(type(obj).__name__, "ok")
    except TypeError as e:
        print("TypeError:", e)
sw = SlottedWeak()
print("slots with __weakref__:", weakref.ref(sw)() is sw)
print("getweakrefcount(1):", weakref.getweakrefcount(1))
print("getweakrefs(1):", weakref.getweakrefs(1))
try:
    weakref.proxy([1])
except TypeError as e:
    print("TypeError:", e)

class MyList(list):
    pass

ml = MyList([1, 2])
print("list subclass:", weakref.ref(ml)() == [1, 2])
