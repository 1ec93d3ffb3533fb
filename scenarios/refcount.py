# Reference counting: getrefcount says 2, then 3, then 2
# Section: Tutorial, Reference Counting
#: sys.getrefcount(x) shows one more than you expect: its argument is a reference too.
import sys

#: The list gets one reference, from the name a.
a = [1, 2, 3]
#: 2: the name a, plus the argument on getrefcount's value stack.
print("Reference count of a:", sys.getrefcount(a))

#: b = a copies the reference, not the list: the same object, refcount + 1.
b = a
print("Reference count after creating b:", sys.getrefcount(a))

#: del removes the name b, not the object: refcount - 1.
del b
print("Reference count after deleting b:", sys.getrefcount(a))
