import sys
def append_to(x, acc=[]):
    acc.append(x)
    return acc
r = append_to(1)
print(r, sys.getrefcount(r))
r2 = append_to(2)
print(r2, r is r2, sys.getrefcount(r))
del r2
print(sys.getrefcount(r))
print(sys.getrefcount(append_to.__defaults__[0]))
