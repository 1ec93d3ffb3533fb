s = "Hello, World"
print(s[:5], s[7:], s[::-1], s[::2], s[-5:], s[3:-3])
print(s[100:], repr(s[5:5]), s[-1], s[:-1])
t = (0, 1, 2, 3, 4, 5)
print(t[1:4], t[::-1], t[::3], t[-2:], type(t[1:2]).__name__)
r = range(0, 20, 2)
print(r[2:5], r[::-1], list(r[1::3]))
b = b"bytes!"
print(b[:3], b[::-1])
