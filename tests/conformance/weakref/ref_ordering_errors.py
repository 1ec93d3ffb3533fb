import weakref

class Object:
    def __init__(self, arg):
        self.arg = arg
    def __lt__(self, other):
        return self.arg < other.arg

x = Object(1)
y = Object(2)
a = weakref.ref(x)
b = weakref.ref(y)
print(x < y)
for name, op in (("<", lambda p, q: p < q), ("<=", lambda p, q: p <= q),
                 (">", lambda p, q: p > q), (">=", lambda p, q: p >= q)):
    try:
        op(a, b)
    except TypeError as e:
        print(name, "TypeError:", e)
try:
    weakref.ref(x, callback=None)
except TypeError as e:
    print("TypeError:", e)
try:
    weakref.ref()
except TypeError as e:
    print("TypeError:", e)
del x, y
try:
    a < b
except TypeError as e:
    print("dead < TypeError:", e)
