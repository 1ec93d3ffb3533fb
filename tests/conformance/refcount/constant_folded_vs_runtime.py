import sys
folded = 10 ** 30
n = 30
runtime = 10 ** n
print("10 ** 30 folded constant:", sys.getrefcount(folded))
print("10 ** n at runtime:", sys.getrefcount(runtime))
s1 = "hello world, " * 3
k = 3
s2 = "hello world, " * k
print("folded str:", sys.getrefcount(s1))
print("runtime str:", sys.getrefcount(s2))
print(s1 == s2, s1 is s2)
