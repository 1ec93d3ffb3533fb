a = list(range(10))
del a[2:4]
print(a)
del a[::2]
print(a)
del a[-2:]
print(a)
del a[:]
print(a, len(a))
b = list(range(10))
del b[::-3]
print(b)
del b[100:]
print(b)
