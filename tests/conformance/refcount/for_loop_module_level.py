import sys
L = [[], [], []]
for x in L:
    print(sys.getrefcount(L), sys.getrefcount(x))
print("after loop:", sys.getrefcount(L), sys.getrefcount(x))
del x
print("after del x:", sys.getrefcount(L[2]))
