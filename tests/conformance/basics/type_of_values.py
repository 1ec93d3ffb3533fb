values = [1, 2.0, "s", b"b", True, None, [1], (1,), {1: 2}, {1}, frozenset(), range(3), 10 ** 30, print, len]
for v in values:
    print(type(v), type(v).__name__)
class Foo:
    pass
print(type(Foo()), type(Foo), type(Foo).__name__)
print(type(type), type(int))
def g():
    pass
print(type(g), type(lambda: 0).__name__)
print(type(object()))
