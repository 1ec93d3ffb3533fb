import sys
print(sys.getsizeof(set()), sys.getsizeof(frozenset()))
s = set()
prev = None
for i in range(60):
    sz = sys.getsizeof(s)
    if sz != prev:
        print(len(s), sz)
        prev = sz
    s.add(i)
print(len(s), sys.getsizeof(s))
print(sys.getsizeof({1, 2, 3}), sys.getsizeof(set(range(10))), sys.getsizeof(frozenset(range(10))))
