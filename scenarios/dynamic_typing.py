# Dynamic typing: one name, objects of many types
# Section: Lecture 7, 3.1 Memory Allocation
#: A name has no type and no size: it refers to an object, and the object knows its type and size.
import sys

#: x refers to an int object: 28 bytes (a 24-byte header + one 30-bit digit).
x = 1000
print(type(x).__name__, sys.getsizeof(x))
#: A bigger int needs more digits, so more bytes: ints grow with their value.
x = 2 ** 100
print(type(x).__name__, sys.getsizeof(x))
#: Rebinding: x now refers to a float (always 24 bytes); the old int lost x's reference.
x = 3.14
print(type(x).__name__, sys.getsizeof(x))
#: A str: 48 bytes of header + 1 byte per ASCII character + a terminating 0.
x = "Premier League"
print(type(x).__name__, sys.getsizeof(x))
#: A list: 56 bytes + 8 per slot; list(range(5)) reserves 6 slots, so 104. The items are separate objects.
x = list(range(5))
print(type(x).__name__, sys.getsizeof(x))
#: Another name takes a reference to the list, so it survives when x moves on.
kept = x
x = {"goals": 0, "assists": 0}
print(type(x).__name__, sys.getsizeof(x))
print(type(kept).__name__, "still alive, refcount", sys.getrefcount(kept))
#: No other name holds the dict: rebinding x drops its refcount to 0 and it is freed at once.
x = None
print(type(x).__name__, sys.getsizeof(x))
#: Operations check types at run time, not when the name is bound.
try:
    print(kept + 1)
except TypeError as err:
    print("TypeError:", err)
