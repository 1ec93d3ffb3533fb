import sys
a = []
src = [a, a]
print(sys.getrefcount(a))
cp = src.copy()
print("copy:", sys.getrefcount(a))
sl = src[:1]
print("slice:", sys.getrefcount(a))
mul = src * 3
print("multiply:", sys.getrefcount(a))
rev = list(reversed(src))
print("reversed list:", sys.getrefcount(a))
srt = sorted([a])
print("sorted:", sys.getrefcount(a))
del cp, sl, mul, rev, srt
print("after dels:", sys.getrefcount(a))
