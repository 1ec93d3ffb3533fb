# Shared objects: small ints, interned strings and equal-but-different
# Section: Tutorial, Python Memory Architecture
#: Some immutable objects are created once and shared. == compares values; `is` asks "the same object?".
import sys

#: Ints from -5 to 256 are preallocated: every 256 anywhere in the program is one object.
a = 256
b = int("256")
print("256:", a == b, a is b)
#: 257 is not cached: int("257") builds a new int object on the heap each time.
c = 257
d = int("257")
print("257:", c == d, c is d)
#: Identifier-like string literals are interned (stored once); strings built at run time are new objects.
team = "arsenal"
built = "".join(["arse", "nal"])
print("built string:", team == built, team is built)
#: sys.intern returns the one stored copy, so the built string can share it; the duplicate is freed.
built = sys.intern(built)
print("after intern:", team is built)
#: Mutable objects are never shared: two equal lists are two objects with their own refcounts.
x = [1, 2]
y = [1, 2]
print("lists:", x == y, x is y, sys.getrefcount(x), sys.getrefcount(y))
#: A tuple of constants in one code object is a single shared constant.
p = (1, 2)
q = (1, 2)
print("constant tuples:", p is q)
