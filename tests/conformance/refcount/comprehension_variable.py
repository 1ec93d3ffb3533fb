import sys
L = [[], [], []]
print([sys.getrefcount(x) for x in L])
print([sys.getrefcount(L) for _ in range(1)])
print({i: sys.getrefcount(x) for i, x in enumerate(L)})
def f(seq):
    return [sys.getrefcount(x) for x in seq]
print(f(L))
print(sys.getrefcount(L), [sys.getrefcount(x) for x in L][0])
