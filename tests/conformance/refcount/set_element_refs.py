import sys
class Item:
    pass
it = Item()
s = {it}
print("in set:", sys.getrefcount(it))
s.add(it)
print("added again:", sys.getrefcount(it))
fs = frozenset([it])
print("plus frozenset:", sys.getrefcount(it))
s.discard(it)
print("after discard:", sys.getrefcount(it))
del fs
print("after del frozenset:", sys.getrefcount(it))
