import sys
L = [[], []]
for i, x in enumerate(L):
    print("enumerate:", sys.getrefcount(x))
D = {"a": [], "b": []}
for k, v in D.items():
    print("items:", sys.getrefcount(v))
A = [[], []]
B = [[], []]
for p, q in zip(A, B):
    print("zip:", sys.getrefcount(p), sys.getrefcount(q))
