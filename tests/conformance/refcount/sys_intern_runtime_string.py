import sys
n = 2
s = "memviz_" + "k" * n
print("runtime:", sys.getrefcount(s))
i = sys.intern(s)
print(i is s)
print("after intern:", sys.getrefcount(s))
t = "".join(["memviz_", "kk"])
print(t is s, sys.intern(t) is s)
print("runtime copy:", sys.getrefcount(t))
