a = list(range(8))
a[2:4] = ["x", "y", "z"]
print(a)
a[1:6] = []
print(a)
a[:0] = [100, 101]
print(a)
a[len(a):] = [-1]
print(a)
a[::2] = [0] * len(a[::2])
print(a)
b = [1, 2, 3, 4, 5, 6]
b[1::2] = "abc"
print(b)
try:
    b[::2] = [1]
except ValueError as e:
    print("ValueError:", e)
c = [1, 2, 3]
c[:] = "hello"
print(c)
d = [1, 2, 3]
alias = d
d[:] = [9]
print(alias, d is alias)
