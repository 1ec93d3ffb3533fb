a = [[1], [2], [3]]
b = a[:]
print(b == a, b is a, b[0] is a[0])
b[0].append("shared")
b.append("only b")
print(a)
print(b)
s = "abc"
print(s[:] is s, s[0:3] is s)
t = (1, 2, 3)
print(t[:] is t)
