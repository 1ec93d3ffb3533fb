import sys
def walk(L):
    out = []
    for x in L:
        out.append((sys.getrefcount(L), sys.getrefcount(x)))
    out.append(("after", sys.getrefcount(x)))
    return out
def walk_local():
    L = [{}, {}]
    res = []
    for x in L:
        res.append((sys.getrefcount(L), sys.getrefcount(x)))
    return res
data = [[], []]
print(walk(data))
print(walk_local())
