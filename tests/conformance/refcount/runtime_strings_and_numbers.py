import sys
n = 50
s = "ab" * n
print("runtime str:", sys.getrefcount(s))
t = s
print("aliased:", sys.getrefcount(s))
j = "-".join(["x", "y", "z"])
print("joined:", sys.getrefcount(j))
big = 2 ** (n + 50)
print("runtime big int:", sys.getrefcount(big))
big2 = big + 1
print("big + 1:", sys.getrefcount(big2))
fl = float(n) / 3
print("runtime float:", sys.getrefcount(fl))
lst = [big, big, fl]
print("in list:", sys.getrefcount(big), sys.getrefcount(fl))
